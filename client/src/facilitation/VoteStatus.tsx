// A participant's side of an open vote (dots left, how many have voted) and a closed vote's
// turnout, in the sidebar.
import { speakersByJoinOrder, type SessionState, type Vote } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFacilitation } from './FacilitationProvider.js';
import { dotsLeft, myDots, openVote, shownResults } from './votes.js';

export function VoteStatus() {
  const { t } = useI18n();
  const { state, ballots, actor } = useFacilitation();
  if (state === null) return null;
  const vote = openVote(state);
  if (vote && actor.role !== 'observer') {
    const left = dotsLeft(vote, myDots(ballots, vote.id));
    return (
      <section className="vb-fac-section vb-vote-status">
        <h2 className="vb-fac-heading">{t('facilitation.vote.heading')}</h2>
        <p>{t('facilitation.vote.remaining', { n: left, total: vote.votesPerPerson })}</p>
        <VoteTurnout vote={vote} state={state} />
        <p className="vb-fac-hint">{t('facilitation.vote.hint')}</p>
      </section>
    );
  }
  const results = shownResults(state);
  if (results === null) return null;
  return (
    <p className="vb-fac-hint" role="status">
      {t('facilitation.vote.results', { voters: results.voterCount ?? 0 })}
    </p>
  );
}

/** "3 of 4 have voted", live while the vote is open: how many, never who or for what. */
export function VoteTurnout({ vote, state }: { vote: Vote; state: SessionState }) {
  const { t } = useI18n();
  const voters = speakersByJoinOrder(state.participants).length;
  return (
    <p className="vb-vote-turnout" role="status">
      {t('facilitation.vote.turnout', { voted: vote.votedSoFar ?? 0, total: voters })}
    </p>
  );
}
