// Edits a short list of one-line texts (ground rules, competence areas): a labelled input per line,
// a remove button per line, an add button, Save and Cancel. The caller validates and saves.
import { useRef } from 'react';

export interface Line<Id> {
  /** Stable React key; new lines get a fresh one. */
  key: string;
  /** The server id, for lists whose entries keep an identity (competence areas). */
  id?: Id;
  text: string;
}

interface Props<Id> {
  lines: Line<Id>[];
  onChange(lines: Line<Id>[]): void;
  maxLength: number;
  maxLines: number;
  lineLabel(n: number): string;
  removeLabel(n: number): string;
  addLabel: string;
  /** Index of the line to mark invalid, with its message. */
  invalid: { index: number; message: string } | null;
}

let nextKey = 0;
export const newLineKey = () => `new-${++nextKey}`;

export function LineListEditor<Id>({
  lines,
  onChange,
  maxLength,
  maxLines,
  lineLabel,
  removeLabel,
  addLabel,
  invalid,
}: Props<Id>) {
  const listRef = useRef<HTMLOListElement>(null);

  const add = () => {
    onChange([...lines, { key: newLineKey(), text: '' }]);
    // Move focus to the new, empty line once it is rendered.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  return (
    <div className="line-editor">
      <ol ref={listRef} className="line-editor-list">
        {lines.map((line, i) => {
          const inputId = `line-${line.key}`;
          const error = invalid?.index === i ? invalid.message : null;
          return (
            <li key={line.key}>
              <label htmlFor={inputId} className="visually-hidden">
                {lineLabel(i + 1)}
              </label>
              <div className="line-editor-row">
                <input
                  id={inputId}
                  type="text"
                  value={line.text}
                  maxLength={maxLength}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) =>
                    onChange(lines.map((l) => (l.key === line.key ? { ...l, text: e.target.value } : l)))
                  }
                />
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={removeLabel(i + 1)}
                  title={removeLabel(i + 1)}
                  onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </div>
              {error && (
                <p id={`${inputId}-error`} className="field-error">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {lines.length < maxLines && (
        <button type="button" className="button button-quiet" onClick={add}>
          {addLabel}
        </button>
      )}
    </div>
  );
}
