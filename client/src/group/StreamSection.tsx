// "Between meetings": a short stream on the group home. Members post a line (a question, a link, a
// progress note) or a reply as themselves and thank each other; the facilitator pins a post to the
// top or removes one; everyone may remove their own. Pinned posts first, then the newest.
import { streamLimits, streamPostBody, type StreamPost, type StreamPostId } from '@vermeboard/shared';
import { useCallback, useId, useState, type FormEvent } from 'react';
import type { BetweenApi } from '../api/between.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDateTime } from './dates.js';
import { canEdit, type HomeContext } from './homeContext.js';
import { FormError, SectionError } from './SectionError.js';
import { useLoaded } from './useLoaded.js';
import { useSubmit } from './useSubmit.js';

/** Top-level posts, pinned first and then newest first, each with its replies oldest first. */
export function threads(posts: readonly StreamPost[]): { post: StreamPost; replies: StreamPost[] }[] {
  const top = posts.filter((p) => p.parentId === null);
  top.sort((a, b) => {
    if ((a.pinnedAt === null) !== (b.pinnedAt === null)) return a.pinnedAt === null ? 1 : -1;
    return (b.pinnedAt ?? b.createdAt).localeCompare(a.pinnedAt ?? a.createdAt);
  });
  return top.map((post) => ({ post, replies: posts.filter((p) => p.parentId === post.id) }));
}

export function StreamSection({
  ctx,
  api,
  retentionDays,
}: {
  ctx: HomeContext;
  api: BetweenApi;
  retentionDays: number | null;
}) {
  const { t } = useI18n();
  const { state, reload, set } = useLoaded(useCallback(() => api.stream(), [api]));
  const act = useSubmit();
  const run = (action: () => Promise<StreamPost[]>) => act.run(action, set);
  return (
    <section className="card" aria-labelledby="stream-title">
      <h2 id="stream-title">{t('between.stream.title')}</h2>
      <p className="muted">{t('between.stream.intro')}</p>
      {canEdit(ctx.role) && (
        <PostForm label={t('between.stream.label')} send={(text) => api.post({ text })} onSent={set} />
      )}
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <SectionError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <p>{t('between.stream.empty')}</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <ul className="stream-list" aria-label={t('between.stream.posts')}>
          {threads(state.data).map(({ post, replies }) => (
            <li key={post.id} className={post.pinnedAt ? 'stream-post stream-pinned' : 'stream-post'}>
              <PostBody ctx={ctx} post={post} run={run} api={api} />
              {replies.length > 0 && (
                <ul className="stream-replies">
                  {replies.map((r) => (
                    <li key={r.id}>
                      <PostBody ctx={ctx} post={r} run={run} api={api} />
                    </li>
                  ))}
                </ul>
              )}
              {canEdit(ctx.role) && <ReplyForm post={post} api={api} onSent={set} />}
            </li>
          ))}
        </ul>
      )}
      <FormError error={act.error} />
      {retentionDays !== null && (
        <p className="small muted">{t('between.stream.retention', { days: retentionDays })}</p>
      )}
    </section>
  );
}

function PostBody({
  ctx,
  post,
  api,
  run,
}: {
  ctx: HomeContext;
  post: StreamPost;
  api: BetweenApi;
  run(action: () => Promise<StreamPost[]>): void;
}) {
  const { t, locale } = useI18n();
  const facilitator = ctx.role === 'facilitator';
  const mine = post.authorId === ctx.me;
  const name = post.authorName;
  return (
    <>
      <p className="stream-meta small muted">
        {t('between.stream.meta', { name, date: formatDateTime(post.createdAt, locale) })}
        {post.pinnedAt && <span className="badge"> {t('between.stream.pinned')}</span>}
      </p>
      <p className="stream-text">{post.text}</p>
      <div className="stream-actions">
        {canEdit(ctx.role) && !mine ? (
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={post.thankedByMe}
            aria-label={t(post.thankedByMe ? 'between.stream.unthanksName' : 'between.stream.thanksName', {
              name,
              count: post.thanks,
            })}
            onClick={() => run(() => api.thank(post.id, !post.thankedByMe))}
          >
            {t('between.stream.thanks', { count: post.thanks })}
          </button>
        ) : (
          post.thanks > 0 && <span className="small muted">{t('between.stream.thanks', { count: post.thanks })}</span>
        )}
        {facilitator && post.parentId === null && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => run(() => api.pin(post.id, post.pinnedAt === null))}
          >
            {t(post.pinnedAt ? 'between.stream.unpin' : 'between.stream.pin')}
          </button>
        )}
        {(facilitator || mine) && (
          <button
            type="button"
            className="button button-danger-text"
            aria-label={t('between.stream.removeName', { name })}
            onClick={() => run(() => api.removePost(post.id))}
          >
            {t('between.stream.remove')}
          </button>
        )}
      </div>
    </>
  );
}

function ReplyForm({ post, api, onSent }: { post: StreamPost; api: BetweenApi; onSent(posts: StreamPost[]): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className="button button-quiet"
        aria-label={t('between.stream.replyTo', { name: post.authorName })}
        onClick={() => setOpen(true)}
      >
        {t('between.stream.reply')}
      </button>
    );
  }
  return (
    <PostForm
      label={t('between.stream.replyLabel', { name: post.authorName })}
      send={(text) => api.post({ text, parentId: post.id as StreamPostId })}
      onSent={(posts) => {
        setOpen(false);
        onSent(posts);
      }}
    />
  );
}

function PostForm({
  label,
  send,
  onSent,
}: {
  label: string;
  send(text: string): Promise<StreamPost[]>;
  onSent(posts: StreamPost[]): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = useSubmit();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = streamPostBody.shape.text.safeParse(text);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    submit.run(
      () => send(parsed.data),
      (posts) => {
        setText('');
        onSent(posts);
      },
    );
  };
  return (
    <form className="stream-form" onSubmit={onSubmit} noValidate aria-label={label}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={text}
          maxLength={streamLimits.postText}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
        />
        {invalid && (
          <p id={`${id}-error`} className="field-error">
            {t('between.stream.invalid', { max: streamLimits.postText })}
          </p>
        )}
      </div>
      <FormError error={submit.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('between.stream.send')}
        </button>
      </div>
    </form>
  );
}
