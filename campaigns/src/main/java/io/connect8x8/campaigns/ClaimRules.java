package io.connect8x8.campaigns;

/** The one rule of a single-process journal: what an earlier record of a chunk allows this run to do with it. */
final class ClaimRules {

    private ClaimRules() {
    }

    /**
     * @param previous the chunk's last record
     * @param inFlightHere whether this process claimed it and has no outcome yet
     * @param resendAmbiguous whether the caller opted in to resending ambiguous chunks
     * @return the verdict other than SEND, or null when the chunk may be sent
     */
    static Claim refusal(ChunkRecord previous, boolean inFlightHere, boolean resendAmbiguous) {
        switch (previous.state()) {
            case ACCEPTED, REJECTED -> {
                return new Claim(Claim.Verdict.DONE, previous);
            }
            case CLAIMED -> {
                // Held by a worker that has written nothing: another worker of this process, or no one at all.
                return inFlightHere ? new Claim(Claim.Verdict.ELSEWHERE, previous) : null;
            }
            case SENDING, AMBIGUOUS -> {
                if (inFlightHere) {
                    return new Claim(Claim.Verdict.ELSEWHERE, previous);
                }
                // Left by an earlier process, or answered ambiguously: it may have been processed.
                return resendAmbiguous ? null : new Claim(Claim.Verdict.AMBIGUOUS, previous);
            }
            default -> {
                // NOT_SENT: provably never processed, sending again cannot duplicate it.
                return null;
            }
        }
    }
}
