// Sharing into the plaza: while an encounter that invites the group runs, the group's facilitator
// picks one frame of the group's board by its name and, after a confirmation that names who will
// see it (the encounter's groups and the coordinator), the server copies it onto the plaza board.
// Sharing the same frame again brings the copy there up to date.
import { useEffect, useId, useState } from 'react';
import { useValue } from 'tldraw';
import { can, type GroupId, type GroupProgramResponse } from '@vermeboard/shared';
import { ConfirmDialog } from '../group/ConfirmDialog.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useShownRoom } from '../rooms/RoomView.js';
import { groupProgramApi } from './programApi.js';

/** How often the panel looks for an encounter that started during the meeting. */
const recheckMs = 30_000;

export function SharePlazaFrame({ groupId, token }: { groupId: GroupId; token: string }) {
  const { t, locale } = useI18n();
  const { meetingId, actor, editor, state } = useFacilitation();
  // In a room (the facilitator's visit) the editor holds the room's board; the server shares from
  // the group's own board, so the room's frames are not offered.
  const inRoom = useShownRoom() !== null;
  const allowed = can(actor, 'program.sharePlaza');
  const headingId = useId();
  const [program, setProgram] = useState<GroupProgramResponse | null>(null);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [shared, setShared] = useState<string | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    const load = () =>
      groupProgramApi(groupId, token)
        .program()
        .then(
          (p) => current && setProgram(p),
          () => undefined,
        );
    void load();
    const timer = setInterval(() => void load(), recheckMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [groupId, token, allowed]);

  const frames = useValue(
    'frames to share',
    () =>
      (inRoom ? [] : (editor?.getCurrentPageShapes() ?? []))
        .filter((s) => s.type === 'frame')
        .map((s) => ({ id: s.id as string, name: String((s.props as { name?: unknown }).name ?? '') })),
    [editor, inRoom],
  );

  const encounter = program?.encounters[0];
  if (!allowed || !program?.program || !encounter || state?.status === 'ended') return null;
  const frame = frames.find((f) => f.id === chosen) ?? frames[0];
  const frameName = (f: { name: string }) => f.name || t('program.plazaShare.unnamed');
  const groups = new Intl.ListFormat(locale, { type: 'conjunction' }).format(encounter.groupNames);

  async function share() {
    if (!frame) return;
    setBusy(true);
    setError(null);
    try {
      await groupProgramApi(groupId, token).shareToPlaza(meetingId, frame.id);
      setShared(frameName(frame));
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="vb-fac-heading">
        {t('program.plazaShare.heading')}
      </h2>
      {inRoom ? (
        <p className="vb-fac-hint">{t('program.plazaShare.inRoom')}</p>
      ) : frames.length === 0 ? (
        <p className="vb-fac-hint">{t('program.plazaShare.noFrames')}</p>
      ) : (
        <>
          <label className="vb-fac-group">
            <span className="vb-fac-sublabel">{t('program.plazaShare.frame')}</span>
            <select value={frame?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {frames.map((f) => (
                <option key={f.id} value={f.id}>
                  {frameName(f)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="vb-fac-button"
            onClick={() => {
              setError(null);
              setShared(null);
              setConfirming(true);
            }}
          >
            {t('program.plazaShare.share')}
          </button>
        </>
      )}
      {shared !== null && (
        <p className="vb-fac-hint" role="status">
          {t('program.plazaShare.done', { frame: shared })}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('program.plazaShare.confirmTitle', { frame: frame ? frameName(frame) : '' })}
        confirmLabel={t('program.plazaShare.confirm')}
        busy={busy}
        error={error}
        onConfirm={() => void share()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('program.plazaShare.confirmBody', { groups, coordinator: program.program.coordinatorName })}</p>
        <p>{t('program.plazaShare.confirmAgain')}</p>
      </ConfirmDialog>
    </section>
  );
}
