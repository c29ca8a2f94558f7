package dev.loyalty.wechat;

import com.github.binarywang.wxpay.v3.util.PemUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The keys of WeChat Pay API v3 in public-key mode: the merchant's private key signs our requests and the
 * JSAPI pay parameters, the WeChat Pay public key verifies WeChat Pay's answers and notifies. Read from the
 * configured PEM files; with the sandbox on and no paths configured, both key pairs are made in memory at
 * start-up and the sandbox keeps WeChat Pay's private half ({@link #platformPrivate}) to sign with.
 */
final class PayKeys {

    private final PrivateKey merchantPrivate;
    private final PublicKey platformPublic;
    private final PrivateKey platformPrivate;

    private PayKeys(PrivateKey merchantPrivate, PublicKey platformPublic, PrivateKey platformPrivate) {
        this.merchantPrivate = merchantPrivate;
        this.platformPublic = platformPublic;
        this.platformPrivate = platformPrivate;
    }

    static PayKeys of(WxProperties.Pay pay, boolean sandbox) {
        boolean noPaths = isBlank(pay.privateKeyPath()) && isBlank(pay.publicKeyPath());
        if (noPaths && sandbox) {
            KeyPair platform = generate();
            return new PayKeys(generate().getPrivate(), platform.getPublic(), platform.getPrivate());
        }
        if (isBlank(pay.privateKeyPath()) || isBlank(pay.publicKeyPath())) {
            // no WeChat Pay configured: requests fail when made, notifies never verify
            return new PayKeys(null, null, null);
        }
        try (InputStream privateKey = Files.newInputStream(Path.of(pay.privateKeyPath()));
                InputStream publicKey = Files.newInputStream(Path.of(pay.publicKeyPath()))) {
            return new PayKeys(PemUtils.loadPrivateKey(privateKey), PemUtils.loadPublicKey(publicKey), null);
        } catch (IOException e) {
            throw new UncheckedIOException("wx.pay key files: " + e.getMessage(), e);
        }
    }

    boolean configured() {
        return merchantPrivate != null && platformPublic != null;
    }

    PrivateKey merchantPrivate() {
        return merchantPrivate;
    }

    PublicKey platformPublic() {
        return platformPublic;
    }

    /** WeChat Pay's private key, known only when the sandbox made it. */
    PrivateKey platformPrivate() {
        return platformPrivate;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
