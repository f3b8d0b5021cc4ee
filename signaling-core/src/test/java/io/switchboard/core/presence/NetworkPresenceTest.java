package io.switchboard.core.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.testing.TestNode;
import io.switchboard.core.testing.TestNode.Connected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPresenceTest {
    private final TestNode t = TestNode.create();

    @Test
    void aBurstOfJoinsCostsOneUpdatePerMemberOfTheGroup() {
        List<Connected> group = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            group.add(t.connect("203.0.113.7"));
        }
        assertEquals(1, t.scheduler.runAll());
        for (Connected c : group) {
            List<Event.NetworkPeers> updates = c.sink().events(Event.NetworkPeers.class);
            assertEquals(1, updates.size());
            assertEquals(101, updates.get(0).peers().size(), "capped at the default limit plus one");
        }
    }

    @Test
    void anUpdateReachesOnlyTheAffectedGroup() {
        Connected home = t.connect("192.168.1.10");
        Connected office = t.connect("10.0.0.5");
        t.scheduler.runAll();
        home.sink().clear();
        office.sink().clear();
        t.connect("192.168.1.11");
        t.scheduler.runAll();
        assertEquals(1, home.sink().events(Event.NetworkPeers.class).size());
        assertEquals(0, office.sink().events(Event.NetworkPeers.class).size());
    }

    @Test
    void eachRecipientSeesTheOthersButNotItself() {
        Connected a = t.connect("192.168.1.10");
        Connected b = t.connect("192.168.1.11");
        t.scheduler.runAll();
        Event.NetworkPeers toA = a.sink().events(Event.NetworkPeers.class).get(0);
        assertEquals(a.session().id(), toA.exclude());
        assertTrue(toA.peers().contains(new PeerSummary(b.session().id(), "Anonymous")));
    }

    @Test
    void pairedSessionsAreHiddenAndReceiveAnEmptyList() {
        Connected host = t.connect("192.168.1.10");
        Connected guest = t.connect("192.168.1.11");
        Connected watcher = t.connect("192.168.1.12");
        t.node.handle(host.session(), new Command.CreateRoom());
        String code = ((Event.RoomCreated) host.sink().last()).code();
        t.node.handle(guest.session(), new Command.JoinRoom(code));
        t.scheduler.runAll();
        assertEquals(Event.NetworkPeers.NONE, host.sink().last());
        assertEquals(Event.NetworkPeers.NONE, guest.sink().last());
        Event.NetworkPeers seen = (Event.NetworkPeers) watcher.sink().last();
        assertEquals(List.of(new PeerSummary(watcher.session().id(), "Anonymous")), seen.peers());
    }

    @Test
    void aWaitingCreatorIsStillListed() {
        Connected host = t.connect("192.168.1.10");
        Connected watcher = t.connect("192.168.1.12");
        t.node.handle(host.session(), new Command.CreateRoom());
        t.scheduler.runAll();
        Event.NetworkPeers seen = (Event.NetworkPeers) watcher.sink().last();
        assertTrue(seen.peers().contains(new PeerSummary(host.session().id(), "Anonymous")));
    }

    @Test
    void aRenameIsSeenByTheGroup() {
        Connected a = t.connect("192.168.1.10");
        Connected b = t.connect("192.168.1.11");
        t.scheduler.runAll();
        t.node.handle(a.session(), new Command.Register("Alice"));
        t.scheduler.runAll();
        Event.NetworkPeers seen = (Event.NetworkPeers) b.sink().last();
        assertTrue(seen.peers().contains(new PeerSummary(a.session().id(), "Alice")));
    }

    @Test
    void aDisconnectRemovesTheSessionFromTheOthersLists() {
        Connected a = t.connect("192.168.1.10");
        Connected b = t.connect("192.168.1.11");
        t.scheduler.runAll();
        t.node.closed(a.session());
        t.scheduler.runAll();
        Event.NetworkPeers seen = (Event.NetworkPeers) b.sink().last();
        assertEquals(List.of(new PeerSummary(b.session().id(), "Anonymous")), seen.peers());
    }

    @Test
    void listsAreCappedAtTheConfiguredLimit() {
        TestNode capped = TestNode.create(new CoreLimits(50, 200, 65536, 5, Duration.ZERO));
        List<Connected> group = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            group.add(capped.connect("203.0.113.7"));
        }
        capped.scheduler.runAll();
        Event.NetworkPeers update = (Event.NetworkPeers) group.get(0).sink().last();
        assertEquals(5, update.limit());
        assertEquals(6, update.peers().size(), "one spare so a listed recipient still sees `limit` others");
    }
}
