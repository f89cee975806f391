package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.intake.domain.FamilyMember;
import org.iom.dna.intake.domain.Relationship;
import org.iom.dna.intake.domain.RequestStatus;
import org.iom.dna.intake.domain.SamplingRequest;
import org.junit.jupiter.api.Test;

/** What scheduling learns of a new case: references and scheduling facts, nothing personal. */
class IntakeEventsTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 6, 15);
    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:00Z");

    private static SamplingRequest motherAndSon() {
        SamplingRequest request = new SamplingRequest();
        request.id = UUID.randomUUID();
        request.indReference = "IND-2026-000123";
        request.caseNumber = "V123456789";
        request.priority = Priority.UNACCOMPANIED_MINOR;
        request.deadline = DEADLINE;
        request.country = "ET";
        request.preferredCentre = "ET-ADD";
        request.status = RequestStatus.RECEIVED;
        request.receivedAt = RECEIVED;
        request.privateData = new byte[] {1, 2, 3};
        request.members.add(member(request, "P-1", 35, false, null, true, false, false, "ET"));
        request.members.add(member(request, "P-2", 9, true, "P-1", false, true, true, "SD"));
        return request;
    }

    private static FamilyMember member(
            SamplingRequest request,
            String ref,
            int age,
            boolean minor,
            String accompaniedBy,
            boolean interpreter,
            boolean accessibility,
            boolean medical,
            String country) {
        FamilyMember m = new FamilyMember();
        m.id = UUID.randomUUID();
        m.request = request;
        m.personRef = ref;
        m.relationship = Relationship.CHILD;
        m.ageOnDeadline = age;
        m.minor = minor;
        m.accompaniedBy = accompaniedBy;
        m.language = "ti";
        m.needsInterpreter = interpreter;
        m.needsAccessibility = accessibility;
        m.needsMedical = medical;
        m.currentCountry = country;
        m.personalData = "Selam Tesfay".getBytes();
        m.piiKeyId = "dev1";
        return m;
    }

    @Test
    void shouldDescribeTheCaseForScheduling() {
        SamplingRequest request = motherAndSon();

        SamplingRequestReceivedV1 event = IntakeEvents.received(request);

        assertThat(event)
                .extracting(
                        SamplingRequestReceivedV1::requestId,
                        SamplingRequestReceivedV1::country,
                        SamplingRequestReceivedV1::adHocLocation,
                        SamplingRequestReceivedV1::preferredCentre,
                        SamplingRequestReceivedV1::priority,
                        SamplingRequestReceivedV1::deadline,
                        SamplingRequestReceivedV1::receivedAt)
                .containsExactly(request.id, "ET", false, "ET-ADD", Priority.UNACCOMPANIED_MINOR, DEADLINE, RECEIVED);
    }

    @Test
    void shouldFlagAnAdHocLocation() {
        SamplingRequest request = motherAndSon();
        request.adHoc = true;
        request.preferredCentre = null;

        assertThat(IntakeEvents.received(request).adHocLocation()).isTrue();
    }

    @Test
    void shouldDescribeEachMemberInTheIndsOrder() {
        SamplingRequestReceivedV1 event = IntakeEvents.received(motherAndSon());

        assertThat(event.members())
                .containsExactly(
                        new SamplingRequestReceivedV1.Member(
                                "P-1", 35, false, null, "ti", true, false, false, "ET", null),
                        new SamplingRequestReceivedV1.Member(
                                "P-2", 9, true, "P-1", "ti", false, true, true, "SD", null));
    }

    @Test
    void shouldCarryNothingThatIdentifiesTheFamily() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        String payload = json.writeValueAsString(IntakeEvents.received(motherAndSon()));

        // The case number and the IND's reference identify the sponsor's file: scheduling does not need them.
        assertThat(payload).doesNotContain("Selam", "IND-2026-000123", "V123456789", "personalData", "dev1");
    }
}
