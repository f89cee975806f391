package org.iom.dna.intake.domain;

/** Free text about a case. Free text can hold anything, so it is stored encrypted like personal data. */
public record CaseNotes(String note, String adHocDescription, String cancellationComment) {

    public CaseNotes withCancellationComment(String comment) {
        return new CaseNotes(note, adHocDescription, comment);
    }
}
