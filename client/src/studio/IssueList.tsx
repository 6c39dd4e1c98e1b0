// Every problem a save or an import met, each with where it is in the method.
import type { MethodIssue } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { issueText } from './issueText.js';

export function IssueList({ heading, issues }: { heading: string; issues: readonly MethodIssue[] }) {
  const { t } = useI18n();
  return (
    <div className="vb-studio-issues" role="alert">
      <p>{heading}</p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}>
            <code>{i.path || t('studio.issue.root')}</code>: {issueText(i.message, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
