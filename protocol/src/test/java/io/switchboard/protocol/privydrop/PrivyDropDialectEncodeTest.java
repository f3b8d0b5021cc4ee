package io.switchboard.protocol.privydrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.AnnounceKind;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.protocol.ByteArraySink;
import io.switchboard.protocol.Decoded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PrivyDropDialectEncodeTest {
    private static final PrivyDropDialect DIALECT = new PrivyDropDialect();
    /** A default jackson factory, independent of the dialect's limits, standing in for the browser's parser. */
    private static final JsonFactory PLAIN = new JsonFactory();

    private static final SessionId SENDER = new SessionId("xgACY6QcQCojsOQaAAAB");
    private static final String SDP = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\na=x \\u00e9 \\\"q\\\"\"}";

    private static String encode(Event event) {
        ByteArraySink sink = new ByteArraySink(1);
        DIALECT.encode(event, sink);
        return new String(sink.toByteArray(), StandardCharsets.UTF_8);
    }

    // --- golden packets ------------------------------------------------------------------------------------------

    @Test
    void appIsPrivyDropAndSessionsHaveNoName() {
        assertEquals("privydrop", DIALECT.app().name());
        assertSame(PrivyDropDialect.APP, DIALECT.app());
        assertEquals("", DIALECT.initialName());
    }

    @Test
    void successfulJoinAnswerIsJoinResponseWithTheRoomId() {
        assertEquals(
                "2[\"joinResponse\",{\"success\":true,\"message\":\"Successfully joined room\",\"roomId\":\"1234\"}]",
                encode(new Event.JoinAnswer(true, "Successfully joined room", "1234", null)));
    }

    @Test
    void refusedJoinAnswerIsJoinResponseWithSuccessFalse() {
        assertEquals(
                "2[\"joinResponse\",{\"success\":false,\"message\":\"Room does not exist\",\"roomId\":\"9999\"}]",
                encode(new Event.JoinAnswer(false, "Room does not exist", "9999", null)));
    }

    @Test
    void serverErrorJoinAnswerHasAnErrorAndNoRoomId() {
        assertEquals(
                "2[\"joinResponse\",{\"success\":false,\"message\":\"Server error while joining room\","
                        + "\"error\":\"store unavailable\"}]",
                encode(new Event.JoinAnswer(false, "Server error while joining room", null, "store unavailable")));
    }

    @Test
    void joinAnswerWithBothRoomIdAndErrorWritesBoth() {
        assertEquals(
                "2[\"joinResponse\",{\"success\":false,\"message\":\"m\",\"roomId\":\"r\",\"error\":\"e\"}]",
                encode(new Event.JoinAnswer(false, "m", "r", "e")));
    }

    @Test
    void joinAnswerEscapesItsTexts() {
        assertEquals(
                "2[\"joinResponse\",{\"success\":false,\"message\":\"a\\\"b\\\\c\\n\",\"roomId\":\"\\u0001é\"}]",
                encode(new Event.JoinAnswer(false, "a\"b\\c\n", "\u0001é", null)));
    }

    @Test
    void peerReadyIsReadyWithThePeerId() {
        assertEquals("2[\"ready\",{\"peerId\":\"xgACY6QcQCojsOQaAAAB\"}]", encode(new Event.PeerReady(SENDER)));
    }

    @Test
    void offerCarriesTheRawOfferAndTheSenderAsFromAndPeerId() {
        assertEquals(
                "2[\"offer\",{\"offer\":" + SDP
                        + ",\"from\":\"xgACY6QcQCojsOQaAAAB\",\"peerId\":\"xgACY6QcQCojsOQaAAAB\"}]",
                encode(new Event.PeerSignal(SignalKind.OFFER, SENDER, RawJson.of(SDP))));
    }

    @Test
    void answerCarriesTheRawAnswerUnderKeyAnswer() {
        assertEquals(
                "2[\"answer\",{\"answer\":{\"type\":\"answer\"},\"from\":\"s1\",\"peerId\":\"s1\"}]",
                encode(new Event.PeerSignal(
                        SignalKind.ANSWER, new SessionId("s1"), RawJson.of("{\"type\":\"answer\"}"))));
    }

    @Test
    void iceCandidateCarriesTheRawCandidateUnderKeyCandidate() {
        assertEquals(
                "2[\"ice-candidate\",{\"candidate\":{\"candidate\":\"c\",\"sdpMid\":\"0\"},\"from\":\"s1\","
                        + "\"peerId\":\"s1\"}]",
                encode(new Event.PeerSignal(
                        SignalKind.ICE_CANDIDATE,
                        new SessionId("s1"),
                        RawJson.of("{\"candidate\":\"c\",\"sdpMid\":\"0\"}"))));
    }

    @Test
    void relayedSliceIsCopiedExactlyFromItsOffset() {
        byte[] frame = "xx[1,{\"a\":\"\u00e9\"}]yy".getBytes(StandardCharsets.UTF_8);
        RawJson raw = RawJson.wrap(frame, 2, frame.length - 4);
        assertEquals(
                "2[\"offer\",{\"offer\":[1,{\"a\":\"é\"}],\"from\":\"s\",\"peerId\":\"s\"}]",
                encode(new Event.PeerSignal(SignalKind.OFFER, new SessionId("s"), raw)));
    }

    @Test
    void initiatorOnlineCarriesTheRoomId() {
        assertEquals(
                "2[\"initiator-online\",{\"roomId\":\"1234\"}]",
                encode(new Event.Announcement(AnnounceKind.INITIATOR_ONLINE, "1234", SENDER)));
    }

    @Test
    void recipientReadyCarriesTheAnnouncingPeerNotTheRoom() {
        assertEquals(
                "2[\"recipient-ready\",{\"peerId\":\"xgACY6QcQCojsOQaAAAB\"}]",
                encode(new Event.Announcement(AnnounceKind.RECIPIENT_READY, "1234", SENDER)));
    }

    @Test
    void peerLeftIsPeerDisconnected() {
        assertEquals(
                "2[\"peer-disconnected\",{\"peerId\":\"xgACY6QcQCojsOQaAAAB\"}]", encode(new Event.PeerLeft(SENDER)));
    }

    // --- events PrivyDrop has no message for ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void failuresWriteNothingBecausePrivyDropHasNoErrorEvent(ErrorCode code) {
        assertEquals("", encode(new Event.Failed(code, "detail")));
        assertEquals("", encode(new Event.Failed(code, null)));
    }

    static Stream<Event> eventsWithoutAPrivyDropMessage() {
        return Stream.of(
                new Event.Registered(SENDER),
                new Event.RoomCreated("1234"),
                new Event.Invited("1234", "name"),
                new Event.SignalRelayed(SENDER, RawJson.of("{}")),
                new Event.NetworkPeers(List.of(), null, 0),
                new Event.ShuttingDown());
    }

    @ParameterizedTest
    @MethodSource("eventsWithoutAPrivyDropMessage")
    void eventsWithoutAPrivyDropMessageWriteNothing(Event event) {
        ByteArraySink sink = new ByteArraySink(1);
        DIALECT.encode(event, sink);
        assertEquals(0, sink.size());
    }

    // --- every packet is JSON after its type digit ---------------------------------------------------------------

    static Stream<Event> eventsWithAMessage() {
        return Stream.of(
                new Event.JoinAnswer(true, "Successfully joined room", "1234", null),
                new Event.JoinAnswer(false, "Rate limit exceeded. Try again in 5s. Attempts left: 0.", "r\"\n", null),
                new Event.JoinAnswer(false, "Server error while joining room", null, "boom \u2028 \ud83d\ude00"),
                new Event.PeerReady(SENDER),
                new Event.PeerSignal(SignalKind.OFFER, SENDER, RawJson.of(SDP)),
                new Event.PeerSignal(SignalKind.ANSWER, SENDER, RawJson.of("null")),
                new Event.PeerSignal(SignalKind.ICE_CANDIDATE, SENDER, RawJson.of("[1,\"x\",{\"y\":[]}]")),
                new Event.Announcement(AnnounceKind.INITIATOR_ONLINE, "ro\"om\\", SENDER),
                new Event.Announcement(AnnounceKind.RECIPIENT_READY, "room", SENDER),
                new Event.PeerLeft(new SessionId("s\u0000\"")));
    }

    @ParameterizedTest
    @MethodSource("eventsWithAMessage")
    void everyPacketIsTypeTwoFollowedByAJsonArrayOfANameAndAnObject(Event event) throws IOException {
        String packet = encode(event);

        assertEquals('2', packet.charAt(0), packet);
        try (JsonParser parser = PLAIN.createParser(packet.substring(1))) {
            assertEquals(JsonToken.START_ARRAY, parser.nextToken(), packet);
            assertEquals(JsonToken.VALUE_STRING, parser.nextToken(), packet);
            assertEquals(JsonToken.START_OBJECT, parser.nextToken(), packet);
            parser.skipChildren();
            assertEquals(JsonToken.END_ARRAY, parser.nextToken(), packet);
            assertEquals(null, parser.nextToken(), packet);
        }
    }

    @Test
    void aRelayedOfferDecodesAndReEncodesWithTheSameBytes() {
        String frame = "[\"offer\",{\"peerId\":\"target\",\"offer\":" + SDP + ",\"from\":\"forged\"}]";
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        Decoded decoded = DIALECT.decode(bytes, 0, bytes.length);
        Command.SignalPeer signal = assertInstanceOf(
                Command.SignalPeer.class,
                assertInstanceOf(Decoded.Ok.class, decoded).command());

        String packet = encode(new Event.PeerSignal(signal.kind(), SENDER, signal.payload()));

        assertEquals(
                "2[\"offer\",{\"offer\":" + SDP
                        + ",\"from\":\"xgACY6QcQCojsOQaAAAB\",\"peerId\":\"xgACY6QcQCojsOQaAAAB\"}]",
                packet);
    }
}
