// Who is on the board now, each with the colour of their cursor.
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Person } from './presence.js';

/** What the list says about someone besides their name; `current` marks the one speaking now. */
export interface PersonStatus {
  label: string;
  current?: boolean;
}

export function PeopleList({ people, status }: { people: Person[]; status?: (person: Person) => PersonStatus | null }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="vb-people">
      <h2 id={headingId} className="vb-people__title">
        {t('board.people.title')}
      </h2>
      <ul className="vb-people__list" aria-labelledby={headingId}>
        {people.map((person) => {
          const name = person.name || t('board.people.unnamed');
          const extra = status?.(person) ?? null;
          return (
            <li
              key={person.id}
              className="vb-people__person"
              data-self={person.isSelf || undefined}
              data-current={extra?.current || undefined}
              aria-current={extra?.current ? 'true' : undefined}
            >
              <span className="vb-people__dot" aria-hidden="true" style={{ backgroundColor: person.color }} />
              <span className="vb-people__name">{person.isSelf ? t('board.people.you', { name }) : name}</span>
              {person.role !== 'member' && (
                <span className="vb-people__role">{t(`board.people.role.${person.role}`)}</span>
              )}
              {extra && <span className="vb-people__status">{extra.label}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
