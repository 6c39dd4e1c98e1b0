// "Download Markdown" and "Print / PDF" for one meeting's summary.
import type { GroupId, MeetingSummary } from '@vermeboard/shared';
import { Link } from '../app/Link.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMarkdownHref } from './markdownFile.js';

export function SummaryActions({ summary, groupId }: { summary: MeetingSummary; groupId: GroupId }) {
  const { t, locale } = useI18n();
  const markdown = useMarkdownHref(summary, locale);
  return (
    <p className="summary-actions no-print">
      <a className="button" href={markdown.href} download={markdown.fileName}>
        {t('summary.downloadMarkdown')}
      </a>
      <Link className="button" to={{ name: 'summary', groupId, meetingId: summary.meetingId }}>
        {t('summary.printView')}
      </Link>
    </p>
  );
}
