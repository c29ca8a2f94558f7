package dev.loyalty.member;

import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.error.PayloadTooLargeException;
import dev.loyalty.member.internal.ImageType;
import dev.loyalty.member.internal.Member;
import dev.loyalty.member.internal.MemberAvatar;
import dev.loyalty.member.internal.MemberAvatarMapper;
import dev.loyalty.member.internal.MemberMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Avatars members upload (WeChat's {@code chooseAvatar} hands the app a temporary file, not a URL). The bytes live
 * in the database, so every app instance serves them, under an unguessable id at {@code /media/avatars/{id}.{ext}}.
 */
@Service
public class Avatars {

    /** The largest avatar accepted: 2 MB. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    /** Where avatars are served; public, without a token. */
    public static final String PATH = "/media/avatars/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberAvatarMapper avatars;
    private final MemberMapper members;
    private final MemberService memberService;
    private final Clock clock;

    Avatars(MemberAvatarMapper avatars, MemberMapper members, MemberService memberService, Clock clock) {
        this.avatars = avatars;
        this.members = members;
        this.memberService = memberService;
        this.clock = clock;
    }

    /**
     * Stores a PNG, JPEG, GIF or WebP image (told by its first bytes) of at most {@link #MAX_BYTES} as the member's
     * avatar and points their {@code avatarUrl} at it; their earlier upload is removed.
     */
    @Transactional
    public MemberProfile upload(long memberId, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new PayloadTooLargeException(MAX_BYTES);
        }
        ImageType type = ImageType.of(content)
                .orElseThrow(() -> new InvalidRequestException("file", "must be a PNG, JPEG, GIF or WebP image"));
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        avatars.insert(MemberAvatar.uploaded(id, memberId, type, content, clock.instant()));
        int changed = members.update(null, new LambdaUpdateWrapper<Member>()
                .set(Member::getAvatarUrl, PATH + id + "." + type.extension())
                .set(Member::getUpdatedAt, clock.instant())
                .eq(Member::getId, memberId));
        if (changed != 1) {
            throw new NotFoundException("Member", memberId);
        }
        avatars.deleteOthers(memberId, id);
        return memberService.profile(memberId);
    }

    /** The avatar served under {@code file} ({@code id.ext}), if there is one. */
    @Transactional(readOnly = true)
    public Optional<Image> image(String file) {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = file.substring(0, dot);
        Optional<ImageType> type = ImageType.ofExtension(file.substring(dot + 1));
        if (type.isEmpty() || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        MemberAvatar avatar = avatars.findContent(id);
        if (avatar == null || !avatar.getContentType().equals(type.get().contentType())) {
            return Optional.empty();
        }
        return Optional.of(new Image(id, avatar.getContentType(), avatar.getContent()));
    }

    /** An image as served: its id (a fine ETag, since the bytes under an id never change), type and bytes. */
    public record Image(String id, String contentType, byte[] content) {
    }
}
