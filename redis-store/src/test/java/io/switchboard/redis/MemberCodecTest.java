package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.network.ClientAddress;
import org.junit.jupiter.api.Test;

class MemberCodecTest {
    @Test
    void encodesCompactly() {
        Member member = new Member(new SessionId("a"), new NodeId("n1"), "Ann", ClientAddress.parse("10.0.0.1"));
        assertEquals("1p1:a2:n13:Ann8:10.0.0.16:10.0.0", MemberCodec.encode(member));
    }

    @Test
    void everyFieldSurvivesARoundTripWhateverItHolds() {
        for (Member member : new Member[] {
            new Member(new SessionId("x"), new NodeId("n"), "", ClientAddress.UNKNOWN),
            new Member(new SessionId("1:2"), new NodeId("9:"), "3:abc 12: é 🚀", ClientAddress.parse("2001:db8::7")),
            new Member(new SessionId("s"), new NodeId("n"), "p", ClientAddress.parse("203.0.113.9"))
        }) {
            assertEquals(member, MemberCodec.decode(MemberCodec.encode(member)));
        }
    }

    @Test
    void somethingElseIsRefused() {
        for (String bad : new String[] {"", "1", "2p1:a", "1x1:a", "1p1:a2:n13:Ann8:10.0.0.16:10.0.0x", "1p9:a"}) {
            assertThrows(IllegalStateException.class, () -> MemberCodec.decode(bad), bad);
        }
    }
}
