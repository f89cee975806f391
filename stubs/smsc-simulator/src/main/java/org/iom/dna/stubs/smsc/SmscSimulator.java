package org.iom.dna.stubs.smsc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMSC: an SMPP 3.4 server (jsmpp) that accepts the configured system_id, records every submit_sm in a {@link
 * MessageStore}, answers delivery receipts as deliver_sm, and serves what it recorded over {@link HttpApi}.
 *
 * <p>Development only: it never sends an SMS anywhere.
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);

    /** An international number: 8 to 15 digits (E.164), optionally with the leading '+'. */
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+?[0-9]{8,15}");

    private static final String SMSC_SYSTEM_ID = "dna-smsc-sim";
    private static final short TAG_MESSAGE_PAYLOAD = 0x0424;
    private static final short TAG_SAR_MSG_REF_NUM = 0x020C;
    private static final short TAG_SAR_TOTAL_SEGMENTS = 0x020E;
    private static final short TAG_SAR_SEGMENT_SEQNUM = 0x020F;
    private static final int BIND_TIMEOUT_MS = 5_000;
    private static final long REFUSED_SESSION_GRACE_MS = 2_000;

    private final SmscConfig config;
    private final MessageStore store;
    private final SMPPServerSessionListener listener;
    private final ServerSocket smppSocket;
    private final HttpApi http;
    private final Handler handler = new Handler();
    /** Bound sessions and the system_id each bound with. */
    private final Map<SMPPServerSession, String> bound = new ConcurrentHashMap<>();
    /** Receipts waiting for their submit_sm_resp to go out, by message id. */
    private final Map<String, PendingReceipt> awaitingResponse = new ConcurrentHashMap<>();

    private final ExecutorService binds = Executors.newCachedThreadPool(threads("smsc-bind", true));
    private final ScheduledExecutorService receipts =
            Executors.newScheduledThreadPool(2, threads("smsc-receipt", true));
    private final Thread acceptor;
    private final AtomicLong nextId;
    private volatile boolean closed;

    private SmscSimulator(SmscConfig config) throws IOException {
        this.config = config;
        this.store = new MessageStore(config.maxMessages());
        // Message ids: 10 hex digits from a random start, so that ids do not repeat across restarts in practice.
        this.nextId = new AtomicLong(new SecureRandom().nextLong() & 0x7F_FFFF_FFFFL);
        InetAddress address = InetAddress.getByName(config.host());
        AddressConnectionFactory connections = new AddressConnectionFactory(address);
        this.listener = new SMPPServerSessionListener(config.smppPort(), connections);
        this.smppSocket = connections.socket;
        listener.setMessageReceiverListener(handler);
        listener.setResponseDeliveryListener(handler);
        listener.setSessionStateListener(handler);
        listener.setInitiationTimer(BIND_TIMEOUT_MS);
        try {
            this.http = new HttpApi(new InetSocketAddress(address, config.httpPort()), store);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        this.acceptor = new Thread(this::acceptLoop, "smsc-accept");
    }

    /** Binds both ports and starts accepting; {@link #close()} stops everything. */
    public static SmscSimulator start(SmscConfig config) throws IOException {
        SmscSimulator simulator = new SmscSimulator(config);
        simulator.acceptor.start();
        simulator.http.start();
        return simulator;
    }

    public int smppPort() {
        return smppSocket.getLocalPort();
    }

    public int httpPort() {
        return http.port();
    }

    MessageStore store() {
        return store;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                binds.execute(() -> awaitBind(session));
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("accepting an SMPP connection failed: {}", e.toString());
                    pause();
                }
            }
        }
    }

    /** After a failed accept (out of file descriptors, say): do not spin. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitBind(SMPPServerSession session) {
        BindRequest request;
        try {
            request = session.waitForBind(BIND_TIMEOUT_MS);
        } catch (TimeoutException e) {
            if (!closed && session.getSessionState() != SessionState.CLOSED) {
                LOG.info(
                        "connection from {} sent no bind within {} ms: closed",
                        session.getInetAddress(),
                        BIND_TIMEOUT_MS);
            }
            // Else a port probe (the suite's readiness check) that went away at once, or shutting down.
            session.close();
            return;
        } catch (IllegalStateException e) {
            LOG.warn("waiting for a bind failed: {}", e.toString());
            session.close();
            return;
        }
        String systemId = request.getSystemId();
        try {
            if (!config.systemId().equals(systemId)) {
                LOG.info("refused {} from {}: unknown system_id", request.getBindType(), session.getInetAddress());
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                closeLater(session);
            } else if (!config.password().equals(request.getPassword())) {
                LOG.info("refused {} for {}: wrong password", request.getBindType(), systemId);
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                closeLater(session);
            } else {
                // Registered before the bind_resp goes out: a submit_sm may follow it at once.
                bound.put(session, systemId);
                request.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
                LOG.info(
                        "bound {} as {} from {} (session {}, {} session(s) bound)",
                        systemId,
                        request.getBindType(),
                        session.getInetAddress(),
                        session.getSessionId(),
                        bound.size());
            }
        } catch (PDUStringException | IOException | RuntimeException e) {
            bound.remove(session);
            LOG.warn("answering the bind of {} failed: {}", systemId, e.toString());
            session.close();
        }
    }

    /**
     * Closes a refused session once the client has had time to read the negative bind_resp: jsmpp's client hands a
     * response to another thread and may lose it when the connection closes right behind it (the bind then waits for
     * its full timeout). A client closes on its own after a refused bind; this is for those that do not.
     */
    private void closeLater(SMPPServerSession session) {
        try {
            receipts.schedule(session::close, REFUSED_SESSION_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            session.close();
        }
    }

    private SubmitSmResult accept(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        String systemId = bound.get(session);
        if (systemId == null) {
            throw new ProcessRequestException("session is not bound", SMPPConstant.STAT_ESME_RINVBNDSTS);
        }
        String to = submit.getDestAddress() == null ? "" : submit.getDestAddress();
        if (!INTERNATIONAL.matcher(to).matches()) {
            LOG.info(
                    "refused submit_sm from {}: destination {} is not an international number",
                    systemId,
                    to.isEmpty() ? "(none)" : mask(to));
            throw new ProcessRequestException("invalid destination address", SMPPConstant.STAT_ESME_RINVDSTADR);
        }
        byte[] data = submit.getShortMessage();
        if (data == null || data.length == 0) {
            data = tlvValue(submit.getOptionalParameters(), TAG_MESSAGE_PAYLOAD).orElse(new byte[0]);
        }
        boolean udhi = (submit.getEsmClass() & 0x40) != 0;
        SmsCodec.UserData userData = SmsCodec.split(data, udhi);
        SmsCodec.Concat concat = userData.concat() != null ? userData.concat() : sarConcat(submit);
        int dataCoding = submit.getDataCoding() & 0xFF;
        Instant now = Instant.now();
        String messageId = newMessageId();
        String from = submit.getSourceAddr() == null ? "" : submit.getSourceAddr();
        MessageStore.Part part =
                new MessageStore.Part(messageId, systemId, from, to, dataCoding, concat, userData.body(), now);

        boolean undeliverable = MessageStore.digits(to).endsWith(config.undeliverableSuffix());
        if (receiptWanted(submit.getRegisteredDelivery(), undeliverable)) {
            String partText = SmsCodec.decode(dataCoding, userData.body());
            awaitingResponse.put(
                    messageId,
                    new PendingReceipt(messageId, systemId, session, submit, undeliverable, partText, new Date()));
        }
        store.add(part)
                .ifPresent(message -> LOG.info(
                        "received SMS {} from {} to {}: {} part(s), {}, receipt {}",
                        message.id(),
                        mask(message.from()),
                        mask(message.to()),
                        message.parts(),
                        message.encoding(),
                        receiptDescription(submit.getRegisteredDelivery())));
        try {
            return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            awaitingResponse.remove(messageId);
            throw new ProcessRequestException("message id " + messageId + " rejected", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    /**
     * registered_delivery bits 0-1: 01 a receipt whatever the outcome, 10 only on failure, 11 (SMPP 5.0) only on
     * success, 00 none.
     */
    static boolean receiptWanted(byte registeredDelivery, boolean failed) {
        return switch (registeredDelivery & 0x03) {
            case 0x01 -> true;
            case 0x02 -> failed;
            case 0x03 -> !failed;
            default -> false;
        };
    }

    private static String receiptDescription(byte registeredDelivery) {
        return switch (registeredDelivery & 0x03) {
            case 0x01 -> "requested";
            case 0x02 -> "on failure";
            case 0x03 -> "on success";
            default -> "not requested";
        };
    }

    private String newMessageId() {
        return String.format("%010x", nextId.getAndIncrement() & 0xFF_FFFF_FFFFL);
    }

    private static SmsCodec.Concat sarConcat(SubmitSm submit) {
        OptionalParameter[] tlvs = submit.getOptionalParameters();
        Optional<byte[]> reference = tlvValue(tlvs, TAG_SAR_MSG_REF_NUM);
        Optional<byte[]> total = tlvValue(tlvs, TAG_SAR_TOTAL_SEGMENTS);
        Optional<byte[]> sequence = tlvValue(tlvs, TAG_SAR_SEGMENT_SEQNUM);
        if (reference.isEmpty() || total.isEmpty() || sequence.isEmpty()) {
            return null;
        }
        return new SmsCodec.Concat(unsigned(reference.get()), unsigned(total.get()), unsigned(sequence.get()));
    }

    private static int unsigned(byte[] value) {
        int result = 0;
        for (byte b : value) {
            result = (result << 8) | (b & 0xFF);
        }
        return result;
    }

    /** The value of a TLV, whatever class jsmpp read it into. */
    private static Optional<byte[]> tlvValue(OptionalParameter[] tlvs, short tag) {
        if (tlvs == null) {
            return Optional.empty();
        }
        for (OptionalParameter tlv : tlvs) {
            if (tlv != null && tlv.tag == tag) {
                byte[] serialized = tlv.serialize();
                byte[] value = new byte[serialized.length - 4];
                System.arraycopy(serialized, 4, value, 0, value.length);
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    // ---- delivery receipts ------------------------------------------------------------------------------------------

    private record PendingReceipt(
            String messageId,
            String systemId,
            SMPPServerSession submitter,
            SubmitSm submit,
            boolean undeliverable,
            String text,
            Date submitted) {}

    private void scheduleReceipt(PendingReceipt receipt, int attempt, long delayMs) {
        if (closed) {
            return;
        }
        try {
            receipts.schedule(() -> sendReceipt(receipt, attempt), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down.
        }
    }

    private void sendReceipt(PendingReceipt receipt, int attempt) {
        DeliveryReceiptState state =
                receipt.undeliverable() ? DeliveryReceiptState.UNDELIV : DeliveryReceiptState.DELIVRD;
        MessageState messageState = receipt.undeliverable() ? MessageState.UNDELIVERABLE : MessageState.DELIVERED;
        DeliveryReceipt text = new DeliveryReceipt(
                receipt.messageId(),
                1,
                receipt.undeliverable() ? 0 : 1,
                receipt.submitted(),
                new Date(),
                state,
                receipt.undeliverable() ? "001" : "000",
                SmsCodec.receiptSafe(receipt.text(), 20));
        SubmitSm submit = receipt.submit();
        for (SMPPServerSession session : receiverSessions(receipt)) {
            try {
                // The receipt comes from the handset: source and destination of the submit_sm swap places.
                session.deliverShortMessage(
                        "",
                        typeOfNumber(submit.getDestAddrTon()),
                        numberingPlan(submit.getDestAddrNpi()),
                        submit.getDestAddress(),
                        typeOfNumber(submit.getSourceAddrTon()),
                        numberingPlan(submit.getSourceAddrNpi()),
                        submit.getSourceAddr(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0,
                        (byte) 0,
                        new RegisteredDelivery(0),
                        DataCodings.ZERO,
                        text.toString().getBytes(StandardCharsets.US_ASCII),
                        new OptionalParameter.Receipted_message_id(receipt.messageId()),
                        new OptionalParameter.Message_state(messageState.value()));
                store.receiptSent(receipt.messageId(), new MessageStore.Receipt(state.name(), Instant.now()));
                LOG.info(
                        "delivery receipt {} stat:{} sent to session {}",
                        receipt.messageId(),
                        state,
                        session.getSessionId());
                return;
            } catch (Exception e) {
                LOG.warn(
                        "delivery receipt {} not taken by session {}: {}",
                        receipt.messageId(),
                        session.getSessionId(),
                        e.toString());
            }
        }
        if (attempt < config.receiptAttempts()) {
            scheduleReceipt(receipt, attempt + 1, config.receiptRetryInterval().toMillis());
        } else if (!closed) {
            LOG.warn(
                    "gave up on delivery receipt {} after {} attempt(s): no receiver or transceiver session of {} took it",
                    receipt.messageId(),
                    attempt,
                    receipt.systemId());
        }
    }

    /** Bound receiver and transceiver sessions of the system_id, the one that submitted first. */
    private List<SMPPServerSession> receiverSessions(PendingReceipt receipt) {
        List<SMPPServerSession> sessions = new ArrayList<>();
        if (receivable(receipt.submitter()) && receipt.systemId().equals(bound.get(receipt.submitter()))) {
            sessions.add(receipt.submitter());
        }
        bound.forEach((session, systemId) -> {
            if (session != receipt.submitter() && systemId.equals(receipt.systemId()) && receivable(session)) {
                sessions.add(session);
            }
        });
        return sessions;
    }

    private static boolean receivable(SMPPServerSession session) {
        SessionState state = session.getSessionState();
        return state.isBound() && state.isReceivable();
    }

    private static TypeOfNumber typeOfNumber(byte value) {
        try {
            return TypeOfNumber.valueOf(value);
        } catch (RuntimeException e) {
            return TypeOfNumber.UNKNOWN;
        }
    }

    private static NumberingPlanIndicator numberingPlan(byte value) {
        try {
            return NumberingPlanIndicator.valueOf(value);
        } catch (RuntimeException e) {
            return NumberingPlanIndicator.UNKNOWN;
        }
    }

    /** Only the last four digits of a number reach the log; sender names without digits stay as they are. */
    static String mask(String address) {
        int digits = MessageStore.digits(address).length();
        if (digits <= 4) {
            return address;
        }
        StringBuilder masked = new StringBuilder(address.length());
        int seen = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                masked.append(++seen > digits - 4 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop();
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the SMPP port: {}", e.toString());
        }
        receipts.shutdownNow();
        for (SMPPServerSession session : List.copyOf(bound.keySet())) {
            session.unbindAndClose();
        }
        bound.clear();
        binds.shutdownNow();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped");
    }

    // ---- jsmpp callbacks --------------------------------------------------------------------------------------------

    private final class Handler extends ServerResponseDeliveryAdapter
            implements ServerMessageReceiverListener, SessionStateListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            return accept(submitSm, source);
        }

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            PendingReceipt receipt = awaitingResponse.remove(result.getMessageId());
            if (receipt != null) {
                scheduleReceipt(receipt, 1, config.receiptDelay().toMillis());
            }
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
            awaitingResponse.remove(result.getMessageId());
        }

        @Override
        public void onStateChange(SessionState newState, SessionState oldState, Session source) {
            if (newState == SessionState.CLOSED && source instanceof SMPPServerSession session) {
                String systemId = bound.remove(session);
                if (systemId != null) {
                    LOG.info(
                            "session {} of {} closed ({} session(s) bound)",
                            source.getSessionId(),
                            systemId,
                            bound.size());
                }
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw notSupported("submit_multi");
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported("query_sm");
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported("replace_sm");
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported("cancel_sm");
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw notSupported("broadcast_sm");
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw notSupported("cancel_broadcast_sm");
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
                QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported("query_broadcast_sm");
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw notSupported("data_sm");
        }

        private ProcessRequestException notSupported(String command) {
            LOG.info("answered {} with ESME_RINVCMDID: the simulator takes submit_sm only", command);
            return new ProcessRequestException(command + " is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Listens on the configured address only (jsmpp's own factory listens on every interface). */
    private static final class AddressConnectionFactory implements ServerConnectionFactory {
        private final InetAddress address;
        private ServerSocket socket;

        AddressConnectionFactory(InetAddress address) {
            this.address = address;
        }

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket server = new ServerSocket();
            try {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(address, port), backlog);
                server.setSoTimeout(timeout);
            } catch (IOException e) {
                server.close();
                throw e;
            }
            socket = server;
            return new ServerSocketConnection(server);
        }
    }

    private static ThreadFactory threads(String name, boolean daemon) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(daemon);
            return thread;
        };
    }
}
