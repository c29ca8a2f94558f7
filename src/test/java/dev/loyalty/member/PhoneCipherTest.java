package dev.loyalty.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.member.internal.PhoneCipher;
import org.junit.jupiter.api.Test;

class PhoneCipherTest {

    @Test
    void masksTheMiddleFourDigits() {
        assertThat(PhoneCipher.mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void encryptsWithAFreshNonceEveryTime() throws Exception {
        PhoneCipher cipher = newCipher("key-one");

        String first = cipher.encrypt("13812345678");
        String second = cipher.encrypt("13812345678");

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("13812345678");
        assertThat(cipher.decrypt(second)).isEqualTo("13812345678");
    }

    @Test
    void anotherKeyCannotRead() throws Exception {
        String sealed = newCipher("key-one").encrypt("13812345678");

        assertThatThrownBy(() -> newCipher("key-two").decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    private static PhoneCipher newCipher(String secret) throws Exception {
        return new PhoneCipher(secret);
    }
}
