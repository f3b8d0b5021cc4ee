package io.switchboard.core.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.PresenceEntry;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.core.testing.TestNode;
import io.switchboard.core.testing.TestNode.Connected;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two nodes sharing one in-memory backend, as two daemons share Redis: one network group spans both. */
class NetworkPresenceAcrossNodesTest {
    private final InMemoryStores shared = new InMemoryStores();
    private final TestNode one = TestNode.create("node-1", shared);
    private final TestNode two = TestNode.create("node-2", shared);

    @Test
    void clientsOfOneNetworkOnDifferentNodesSeeEachOther() {
        Connected a = one.connect("192.168.1.10");
        Connected b = two.connect("192.168.1.11");
        runAll();
        assertEquals(List.of(summary(a), summary(b)), lastList(a).peers());
        assertEquals(a.session().id(), lastList(a).exclude());
        assertEquals(List.of(summary(a), summary(b)), lastList(b).peers());
        assertEquals(b.session().id(), lastList(b).exclude());
    }

    @Test
    void aChangeIsFlushedOnlyByTheNodeWhereItHappenedAndReachesEveryMember() {
        Connected a = one.connect("192.168.1.10");
        runAll();
        a.sink().clear();
        Connected b = two.connect("192.168.1.11");
        assertEquals(0, one.scheduler.pendingCount());
        assertEquals(1, two.scheduler.runAll());
        assertEquals(1, a.sink().events(Event.NetworkPeers.class).size());
        assertEquals(List.of(summary(a), summary(b)), lastList(a).peers());
    }

    @Test
    void otherNetworksOnTheOtherNodeStayOutOfTheList() {
        Connected a = one.connect("192.168.1.10");
        Connected elsewhere = two.connect("192.168.2.10");
        runAll();
        assertEquals(List.of(summary(a)), lastList(a).peers());
        assertEquals(List.of(summary(elsewhere)), lastList(elsewhere).peers());
    }

    @Test
    void aRenameOnOneNodeIsSeenOnTheOther() {
        Connected a = one.connect("192.168.1.10");
        Connected b = two.connect("192.168.1.11");
        runAll();
        two.node.handle(b.session(), new Command.Register("Bob"));
        runAll();
        assertTrue(lastList(a).peers().contains(new PeerSummary(b.session().id(), "Bob")));
    }

    @Test
    void aMemberOfAFlightInvitesANeighbourOnAnotherNode() {
        Connected host = one.connect("192.168.1.10");
        one.node.handle(host.session(), new Command.Register("Alice"));
        Connected neighbour = two.connect("192.168.1.11");
        String code = createFlight(host);
        one.node.handle(
                host.session(), new Command.Invite(neighbour.session().id().value(), code));
        assertEquals(new Event.Invited(code, "Alice"), neighbour.sink().last());
        assertEquals(1, one.events("flight:invitation").size());
    }

    @Test
    void aSessionOfAnotherNetworkOnAnotherNodeCannotBeInvited() {
        Connected host = one.connect("192.168.1.10");
        Connected elsewhere = two.connect("192.168.2.11");
        String code = createFlight(host);
        one.node.handle(
                host.session(), new Command.Invite(elsewhere.session().id().value(), code));
        assertEquals(
                new Event.Failed(ErrorCode.PEER_NOT_FOUND, null), host.sink().last());
        assertTrue(elsewhere.sink().events(Event.Invited.class).isEmpty());
    }

    @Test
    void aPairAcrossNodesIsHiddenFromEveryListAndGetsEmptyLists() {
        Connected host = one.connect("192.168.1.10");
        Connected guest = two.connect("192.168.1.11");
        Connected watcherOne = one.connect("192.168.1.12");
        Connected watcherTwo = two.connect("192.168.1.13");
        String code = createFlight(host);
        two.node.handle(guest.session(), new Command.JoinRoom(code));
        runAll();
        assertEquals(Event.NetworkPeers.NONE, host.sink().last());
        assertEquals(Event.NetworkPeers.NONE, guest.sink().last());
        List<PeerSummary> watchers = List.of(summary(watcherOne), summary(watcherTwo));
        assertEquals(watchers, lastList(watcherOne).peers());
        assertEquals(watchers, lastList(watcherTwo).peers());
    }

    @Test
    void aDisconnectOnOneNodeUpdatesTheMembersOnTheOther() {
        Connected host = one.connect("192.168.1.10");
        Connected guest = two.connect("192.168.1.11");
        Connected watcher = one.connect("192.168.1.12");
        String code = createFlight(host);
        two.node.handle(guest.session(), new Command.JoinRoom(code));
        runAll();
        two.node.closed(guest.session());
        runAll();
        assertEquals(List.of(summary(host), summary(watcher)), lastList(host).peers());
        assertEquals(List.of(summary(host), summary(watcher)), lastList(watcher).peers());
    }

    @Test
    void theEntriesOfADeadNodeLeaveTheSurvivorsLists() {
        Connected a = one.connect("192.168.1.10");
        Connected lost = two.connect("192.168.1.11");
        runAll();
        assertEquals(List.of(summary(a), summary(lost)), lastList(a).peers());
        one.node.nodeLost(two.node.id());
        runAll();
        assertEquals(List.of(summary(a)), lastList(a).peers());
        assertEquals(List.of(entry(a, false)), stored(a));
    }

    @Test
    void aSessionTheStoreLostIsAddedBackByTheNextUpdateOfItsNode() {
        Connected a = one.connect("192.168.1.10");
        Connected b = two.connect("192.168.1.11");
        runAll();
        shared.presence().remove(group(a), a.session().id());
        two.node.handle(b.session(), new Command.Register("Bob"));
        runAll();
        assertFalse(lastList(b).peers().contains(summary(a)), "node-2 cannot know what node-1 holds");
        one.node.handle(a.session(), new Command.Register("Alice"));
        runAll();
        assertTrue(lastList(b).peers().contains(new PeerSummary(a.session().id(), "Alice")));
        assertTrue(stored(a).contains(new PresenceEntry(a.session().id(), one.node.id(), "Alice", false)));
    }

    @Test
    void aWrongPairedFlagIsCorrectedByTheNextUpdateOfTheSessionsNode() {
        Connected a = one.connect("192.168.1.10");
        Connected b = two.connect("192.168.1.11");
        runAll();
        shared.presence().setPaired(group(a), a.session().id(), true);
        one.node.handle(a.session(), new Command.Register("Alice"));
        runAll();
        assertTrue(lastList(b).peers().contains(new PeerSummary(a.session().id(), "Alice")));
        assertEquals(List.of(entry(a, false).withName("Alice"), entry(b, false)), stored(a));
    }

    private void runAll() {
        while (one.scheduler.runAll() + two.scheduler.runAll() > 0) {
            // until neither node has an update due
        }
    }

    private String createFlight(Connected host) {
        TestNode node = isOnOne(host) ? one : two;
        node.node.handle(host.session(), new Command.CreateRoom());
        return ((Event.RoomCreated) host.sink().last()).code();
    }

    private boolean isOnOne(Connected c) {
        return one.node.sessions().get(c.session().id()) == c.session();
    }

    private List<PresenceEntry> stored(Connected c) {
        return shared.presence().list(group(c)).toCompletableFuture().join();
    }

    private PresenceEntry entry(Connected c, boolean paired) {
        TestNode node = isOnOne(c) ? one : two;
        return new PresenceEntry(c.session().id(), node.node.id(), c.session().name(), paired);
    }

    private static NetworkGroup group(Connected c) {
        return NetworkGroup.of(AppId.DROPSILK, c.session().address());
    }

    private static PeerSummary summary(Connected c) {
        return new PeerSummary(c.session().id(), c.session().name());
    }

    private static Event.NetworkPeers lastList(Connected c) {
        List<Event.NetworkPeers> lists = c.sink().events(Event.NetworkPeers.class);
        if (lists.isEmpty()) {
            throw new AssertionError("no network list for " + c.session());
        }
        return lists.get(lists.size() - 1);
    }
}
