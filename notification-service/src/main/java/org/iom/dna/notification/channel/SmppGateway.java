package org.iom.dna.notification.channel;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.service.DeliveryOutcomes;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * The SMS provider, over SMPP 3.4 (jsmpp): one transceiver session, bound on first use and again after it drops,
 * that submits messages and receives their delivery receipts. An unreachable SMSC, a refused bind, a timeout or
 * throttling is an outage; an invalid destination is the recipient's failure.
 */
@ApplicationScoped
public class SmppGateway implements MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class);
    /** SMPP command statuses that say the destination address is wrong: the recipient's, not an outage. */
    private static final List<Integer> DESTINATION_REFUSED = List.of(0x0B, 0x50, 0x51);

    private static final Duration BIND_PAUSE = Duration.ofSeconds(5);

    private final NotificationConfig.Sms config;
    private final DeliveryOutcomes outcomes;
    private SMPPSession session;
    /** After a failed bind, no new one before this: while the SMSC is away each SMS fails fast instead of waiting. */
    private Instant nextBind = Instant.MIN;

    SmppGateway(NotificationConfig config, DeliveryOutcomes outcomes) {
        this.config = config.sms();
        this.outcomes = outcomes;
    }

    /** Submits every part of the text; the first part's message id names the message for its receipt. */
    public SendOutcome submit(String destination, String text) {
        SmsEncoding.Encoded encoded =
                SmsEncoding.encode(text, ThreadLocalRandom.current().nextInt(256));
        List<String> ids = new ArrayList<>();
        try {
            SMPPSession bound = bound();
            for (SmsEncoding.Part part : encoded.parts()) {
                ids.add(bound.submitShortMessage(
                                "",
                                TypeOfNumber.ALPHANUMERIC,
                                NumberingPlanIndicator.UNKNOWN,
                                config.sourceAddress(),
                                TypeOfNumber.INTERNATIONAL,
                                NumberingPlanIndicator.ISDN,
                                destination.replaceAll("[^0-9]", ""),
                                new ESMClass(part.hasUdh() ? 0x40 : 0x00),
                                (byte) 0,
                                (byte) 1,
                                null,
                                null,
                                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                                (byte) 0,
                                new GeneralDataCoding(
                                        encoded.dataCoding() == SmsEncoding.DATA_CODING_UCS2
                                                ? org.jsmpp.bean.Alphabet.ALPHA_UCS2
                                                : org.jsmpp.bean.Alphabet.ALPHA_DEFAULT),
                                (byte) 0,
                                part.shortMessage())
                        .getMessageId());
            }
            return new SendOutcome.Accepted(ids.get(0));
        } catch (NegativeResponseException e) {
            if (ids.isEmpty() && DESTINATION_REFUSED.contains(e.getCommandStatus())) {
                return new SendOutcome.Rejected(
                        "SMSC refused the destination (0x" + Integer.toHexString(e.getCommandStatus()) + ")");
            }
            return new SendOutcome.Unavailable("SMSC answered 0x" + Integer.toHexString(e.getCommandStatus()));
        } catch (ResponseTimeoutException | InvalidResponseException | PDUException e) {
            drop();
            return new SendOutcome.Unavailable("SMSC " + e.getClass().getSimpleName());
        } catch (IOException e) {
            drop();
            return new SendOutcome.Unavailable("SMSC unreachable");
        }
    }

    private synchronized SMPPSession bound() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (Instant.now().isBefore(nextBind)) {
            throw new IOException("SMSC unavailable, next bind at " + nextBind);
        }
        drop();
        nextBind = Instant.now().plus(BIND_PAUSE);
        SMPPSession fresh = new SMPPSession();
        fresh.setMessageReceiverListener(this);
        fresh.setTransactionTimer(config.timeout().toMillis());
        fresh.setEnquireLinkTimer(30_000);
        fresh.connectAndBind(
                config.host(),
                config.port(),
                new BindParameter(
                        BindType.BIND_TRX,
                        config.systemId(),
                        config.password(),
                        "dna",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null),
                config.timeout().toMillis());
        LOG.infof("bound to the SMSC at %s:%d as %s", config.host(), config.port(), config.systemId());
        session = fresh;
        nextBind = Instant.MIN;
        return fresh;
    }

    private synchronized void drop() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    void close(@Observes ShutdownEvent shutdown) {
        drop();
    }

    /** A delivery receipt: it settles the message it names; other deliver_sm (replies from families) are ignored. */
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            return;
        }
        DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            LOG.warn("unreadable delivery receipt from the SMSC: ignored");
            return;
        }
        DeliveryReceiptState state = receipt.getFinalStatus();
        if (state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD) {
            return; // not final yet
        }
        try {
            outcomes.receipt(receipt.getId(), state == DeliveryReceiptState.DELIVRD);
        } catch (RuntimeException e) {
            // The SMSC sends the receipt again when we refuse it (e.g. while our database is down).
            LOG.warnf(
                    "could not record a delivery receipt, asking the SMSC to repeat it: %s",
                    e.getClass().getSimpleName());
            throw new ProcessRequestException("receipt not recorded", 0x08);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", 0x03);
    }
}
