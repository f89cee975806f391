package org.iom.dna.stubs.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator in-process on free ports, driven by the SMPP client notification-service uses (jsmpp). */
class SmscSimulatorTest {

    private static final String SYSTEM_ID = "dna-notify";
    private static final String PASSWORD = "dna-dev";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SmscSimulator simulator;

    private final List<SMPPSession> sessions = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        simulator = SmscSimulator.start(SmscConfig.defaults().withPorts(0, 0).withReceiptDelay(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void unbind() {
        sessions.forEach(SMPPSession::unbindAndClose);
    }

    @Test
    void aGsm7MessageWithExtensionCharactersIsRecordedWithItsText() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, PASSWORD, new Receipts());
        String text = "Your appointment fee: 0 € [ref A-12] {room 3} ~ \\ ^ | @ 10:30";

        String id = submit(session, "+251911000101", (byte) 0x00, SmsCodec.encodeGsm7(text), 0, (byte) 0x00);

        JsonNode messages = messagesTo("+251911000101");
        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.get("id").asText()).isEqualTo(id);
        assertThat(message.get("text").asText()).isEqualTo(text);
        assertThat(message.get("encoding").asText()).isEqualTo("GSM7");
        assertThat(message.get("dataCoding").asInt()).isZero();
        assertThat(message.get("parts").asInt()).isEqualTo(1);
        assertThat(message.get("systemId").asText()).isEqualTo(SYSTEM_ID);
        assertThat(message.get("from").asText()).isEqualTo("IOM");
        assertThat(message.get("receipt").isNull()).isTrue();
    }

    @Test
    void aLongUcs2MessageInPartsWithAUserDataHeaderIsRecordedAsOneMessage() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, PASSWORD, new Receipts());
        String text = "ቀጠሮዎ በአዲስ አበባ ማዕከል ነው። ".repeat(6).trim();
        List<String> chunks = chunks(text, 67);
        assertThat(chunks).hasSizeBetween(2, 3);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ByteArrayOutputStream userData = new ByteArrayOutputStream();
            userData.writeBytes(new byte[] {0x05, 0x00, 0x03, 0x5C, (byte) chunks.size(), (byte) (i + 1)});
            userData.writeBytes(chunks.get(i).getBytes(StandardCharsets.UTF_16BE));
            ids.add(submit(session, "+251911000202", (byte) 0x40, userData.toByteArray(), 0, (byte) 0x08));
            if (i < chunks.size() - 1) {
                assertThat(messagesTo("251911000202"))
                        .as("nothing before the last part")
                        .isEmpty();
            }
        }

        JsonNode messages = messagesTo("251911000202");
        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.get("text").asText()).isEqualTo(text);
        assertThat(message.get("parts").asInt()).isEqualTo(chunks.size());
        assertThat(message.get("id").asText()).isEqualTo(ids.get(0));
        assertThat(JSON.convertValue(message.get("partIds"), String[].class)).containsExactlyElementsOf(ids);
        assertThat(message.get("encoding").asText()).isEqualTo("UCS2");
        assertThat(message.get("dataCoding").asInt()).isEqualTo(8);
    }

    @Test
    void partsNamedBySarTlvsAndTextInMessagePayloadAreJoinedToo() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, PASSWORD, new Receipts());

        submit(
                session,
                "+251911000707",
                (byte) 0x00,
                new byte[0],
                0,
                (byte) 0x00,
                new OptionalParameter.Message_payload(SmsCodec.encodeGsm7("second half")),
                OptionalParameters.newSarMsgRefNum((short) 300),
                OptionalParameters.newSarTotalSegments(2),
                OptionalParameters.newSarSegmentSeqnum(2));
        submit(
                session,
                "+251911000707",
                (byte) 0x00,
                SmsCodec.encodeGsm7("first half, "),
                0,
                (byte) 0x00,
                OptionalParameters.newSarMsgRefNum((short) 300),
                OptionalParameters.newSarTotalSegments(2),
                OptionalParameters.newSarSegmentSeqnum(1));

        JsonNode messages = messagesTo("+251911000707");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("text").asText()).isEqualTo("first half, second half");
    }

    @Test
    void aDeliveryReceiptComesBackForTheSubmittedMessage() throws Exception {
        Receipts receipts = new Receipts();
        SMPPSession session = bind(BindType.BIND_TRX, PASSWORD, receipts);

        String id = submit(session, "+251911000303", (byte) 0x00, SmsCodec.encodeGsm7("Reminder"), 1, (byte) 0x00);

        DeliverSm receipt = receipts.next();
        assertThat(receipt.isSmscDeliveryReceipt()).isTrue();
        DeliveryReceipt content = receipt.getShortMessageAsDeliveryReceipt();
        assertThat(content.getId()).isEqualTo(id);
        assertThat(content.getFinalStatus()).isEqualTo(DeliveryReceiptState.DELIVRD);
        assertThat(content.getError()).isEqualTo("000");
        assertThat(content.getText()).isEqualTo("Reminder");
        assertThat(receipt.getSourceAddr()).isEqualTo("+251911000303");
        assertThat(receipt.getDestAddress()).isEqualTo("IOM");
        OptionalParameter.Receipted_message_id receiptedId =
                receipt.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        assertThat(receiptedId.getValueAsString()).isEqualTo(id);
        OptionalParameter.Message_state state = receipt.getOptionalParameter(OptionalParameter.Message_state.class);
        assertThat(state.getValue()).isEqualTo(MessageState.DELIVERED.value());

        JsonNode recorded = awaitReceiptRecorded("+251911000303");
        assertThat(recorded.get("state").asText()).isEqualTo("DELIVRD");
    }

    @Test
    void aNumberEndingIn0000IsUndeliverable() throws Exception {
        Receipts receipts = new Receipts();
        SMPPSession session = bind(BindType.BIND_TRX, PASSWORD, receipts);

        String id = submit(session, "+251911110000", (byte) 0x00, SmsCodec.encodeGsm7("Hello"), 1, (byte) 0x00);

        DeliverSm receipt = receipts.next();
        DeliveryReceipt content = receipt.getShortMessageAsDeliveryReceipt();
        assertThat(content.getId()).isEqualTo(id);
        assertThat(content.getFinalStatus()).isEqualTo(DeliveryReceiptState.UNDELIV);
        assertThat(content.getError()).isEqualTo("001");
        OptionalParameter.Message_state state = receipt.getOptionalParameter(OptionalParameter.Message_state.class);
        assertThat(state.getValue()).isEqualTo(MessageState.UNDELIVERABLE.value());
        assertThat(awaitReceiptRecorded("+251911110000").get("state").asText()).isEqualTo("UNDELIV");
    }

    @Test
    void eachPartGetsItsOwnReceiptAndATransmitterGetsThemThroughItsReceiverSession() throws Exception {
        SMPPSession transmitter = bind(BindType.BIND_TX, PASSWORD, new Receipts());
        Receipts receipts = new Receipts();
        bind(BindType.BIND_RX, PASSWORD, receipts);

        List<String> ids = new ArrayList<>();
        for (int part = 1; part <= 2; part++) {
            byte[] userData = {0x06, 0x08, 0x04, 0x01, 0x07, 0x02, (byte) part, 0x41, 0x42};
            ids.add(submit(transmitter, "+251911000808", (byte) 0x40, userData, 1, (byte) 0x00));
        }

        List<String> receipted = List.of(
                receipts.next().getShortMessageAsDeliveryReceipt().getId(),
                receipts.next().getShortMessageAsDeliveryReceipt().getId());
        assertThat(receipted).containsExactlyInAnyOrderElementsOf(ids);
        JsonNode message = messagesTo("+251911000808").get(0);
        assertThat(message.get("text").asText()).isEqualTo("ABAB");
        assertThat(awaitReceiptRecorded("+251911000808").get("state").asText()).isEqualTo("DELIVRD");
    }

    @Test
    void anInvalidDestinationIsRefusedAndNotRecorded() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, PASSWORD, new Receipts());

        for (String destination : List.of("12345", "+2519110003031234567", "0911-123-456", "")) {
            assertThatThrownBy(() -> submit(session, destination, (byte) 0, SmsCodec.encodeGsm7("x"), 1, (byte) 0))
                    .as(destination)
                    .isInstanceOfSatisfying(
                            NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVDSTADR));
        }
        assertThat(messagesTo("12345")).isEmpty();
    }

    @Test
    void theHttpApiFiltersByNumberAndForgetsOnDelete() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, PASSWORD, new Receipts());
        submit(session, "+251911000601", (byte) 0, SmsCodec.encodeGsm7("one"), 0, (byte) 0);
        submit(session, "251911000602", (byte) 0, SmsCodec.encodeGsm7("two"), 0, (byte) 0);

        assertThat(texts(messagesTo("+251911000601"))).containsExactly("one");
        assertThat(texts(messagesTo("251911000601"))).containsExactly("one");
        assertThat(texts(messagesTo("+251911000602"))).containsExactly("two");
        assertThat(texts(get("/api/messages"))).containsSubsequence("one", "two");
        assertThat(get("/api/health").get("status").asText()).isEqualTo("UP");

        HttpResponse<String> deleted = HTTP.send(
                HttpRequest.newBuilder(uri("/api/messages")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/messages")).isEmpty();
    }

    @Test
    void aWrongPasswordOrSystemIdIsRefused() {
        assertThatThrownBy(() -> bind(BindType.BIND_TRX, "wrong", new Receipts()))
                .isInstanceOf(IOException.class)
                .cause()
                .isInstanceOfSatisfying(
                        NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVPASWD));

        SMPPSession stranger = new SMPPSession();
        assertThatThrownBy(() -> stranger.connectAndBind(
                        "127.0.0.1",
                        simulator.smppPort(),
                        new BindParameter(
                                BindType.BIND_TX,
                                "someone-else",
                                PASSWORD,
                                "",
                                TypeOfNumber.UNKNOWN,
                                NumberingPlanIndicator.UNKNOWN,
                                null),
                        WAIT.toMillis()))
                .cause()
                .isInstanceOfSatisfying(
                        NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RBINDFAIL));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private SMPPSession bind(BindType type, String password, Receipts receipts) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(receipts);
        session.setEnquireLinkTimer(1_000);
        session.setTransactionTimer(5_000);
        session.connectAndBind(
                "127.0.0.1",
                simulator.smppPort(),
                new BindParameter(
                        type, SYSTEM_ID, password, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                WAIT.toMillis());
        sessions.add(session);
        return session;
    }

    private static String submit(
            SMPPSession session,
            String to,
            byte esmClass,
            byte[] shortMessage,
            int registeredDelivery,
            byte dataCoding,
            OptionalParameter... tlvs)
            throws Exception {
        return session.submitShortMessage(
                        "",
                        TypeOfNumber.ALPHANUMERIC,
                        NumberingPlanIndicator.UNKNOWN,
                        "IOM",
                        TypeOfNumber.INTERNATIONAL,
                        NumberingPlanIndicator.ISDN,
                        to,
                        new ESMClass(esmClass),
                        (byte) 0,
                        (byte) 1,
                        null,
                        null,
                        registeredDelivery == 1
                                ? new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE)
                                : new RegisteredDelivery(registeredDelivery),
                        (byte) 0,
                        DataCodings.newInstance(dataCoding),
                        (byte) 0,
                        shortMessage,
                        tlvs)
                .getMessageId();
    }

    private static List<String> chunks(String text, int size) {
        List<String> chunks = new ArrayList<>();
        for (int start = 0; start < text.length(); start += size) {
            chunks.add(text.substring(start, Math.min(text.length(), start + size)));
        }
        return chunks;
    }

    /** Polls (bounded) until the recorded message to the number shows its receipt. */
    private static JsonNode awaitReceiptRecorded(String to) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode messages = messagesTo(to);
            if (messages.size() == 1 && !messages.get(0).get("receipt").isNull()) {
                return messages.get(0).get("receipt");
            }
            Thread.sleep(50);
        }
        return fail("no receipt recorded for the message to " + to + " within " + WAIT);
    }

    private static JsonNode messagesTo(String to) throws Exception {
        return get("/api/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> texts.add(message.get("text").asText()));
        return texts;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + simulator.httpPort() + path);
    }

    /** Collects deliver_sm PDUs; {@link #next()} waits for one, bounded. */
    private static final class Receipts implements MessageReceiverListener {
        private final BlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            received.add(deliverSm);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {}

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
            return null;
        }

        DeliverSm next() throws InterruptedException {
            DeliverSm deliverSm = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (deliverSm == null) {
                fail("no deliver_sm within " + WAIT);
            }
            return deliverSm;
        }
    }
}
