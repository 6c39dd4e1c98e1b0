// The pictures of quick reactions and of a raised hand, drawn as SVG rather than as emoji: a
// machine without an emoji font (common on locked-down work laptops and Linux desktops) shows an
// emoji as an empty box. They are decorative; the control or the line beside them says the word.
import type { ReactElement } from 'react';
import type { Reaction } from '@vermeboard/shared';

const face = <circle cx="12" cy="12" r="9" fill="#ffd43b" stroke="#5c3c00" strokeWidth="1.5" />;

const drawings: Record<Reaction | 'hand', ReactElement> = {
  thumbsUp: (
    <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round">
      <path d="M4 11h3v9H4z" />
      <path d="M7 11l3.6-7c1.6 0 2.6 1.1 2.3 2.7L12.4 10H18a2 2 0 0 1 2 2.3l-1.2 5.9A2.2 2.2 0 0 1 16.6 20H7" />
    </g>
  ),
  heart: (
    <path
      d="M12 20.3s-7.5-4.6-7.5-10.4A4.2 4.2 0 0 1 12 7.4a4.2 4.2 0 0 1 7.5 2.5c0 5.8-7.5 10.4-7.5 10.4z"
      fill="#e03131"
      stroke="#a61e1e"
      strokeWidth="1.2"
    />
  ),
  clap: (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <rect x="5.5" y="8" width="6" height="12" rx="3" transform="rotate(-18 8.5 14)" />
      <rect x="12.5" y="8" width="6" height="12" rx="3" transform="rotate(18 15.5 14)" />
      <path d="M12 2.5v2.5M7.5 3.8l1.2 2.1M16.5 3.8l-1.2 2.1" />
    </g>
  ),
  laugh: (
    <g>
      {face}
      <path
        d="M7.8 10q1.2-1.6 2.4 0M13.8 10q1.2-1.6 2.4 0"
        fill="none"
        stroke="#5c3c00"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
      <path d="M7.5 13h9a4.5 4.5 0 0 1-9 0z" fill="#5c3c00" />
    </g>
  ),
  surprised: (
    <g>
      {face}
      <circle cx="9" cy="9.8" r="1.2" fill="#5c3c00" />
      <circle cx="15" cy="9.8" r="1.2" fill="#5c3c00" />
      <ellipse cx="12" cy="15.5" rx="2" ry="2.6" fill="#5c3c00" />
    </g>
  ),
  thinking: (
    <g>
      {face}
      <circle cx="9" cy="10.5" r="1.1" fill="#5c3c00" />
      <circle cx="15" cy="10.5" r="1.1" fill="#5c3c00" />
      <path
        d="M7.6 7.8l2.6-.9M13.8 7.2l2.6.4M9.5 15.6l5-1.2"
        fill="none"
        stroke="#5c3c00"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </g>
  ),
  hand: (
    <path
      d="M8 12.5V5.8a1.5 1.5 0 0 1 3 0v5.2M11 11V4.3a1.5 1.5 0 0 1 3 0V11M14 11V5.3a1.5 1.5 0 0 1 3 0v7.2M8 12.5v-1.7a1.5 1.5 0 0 0-3 0v3.4a6.8 6.8 0 0 0 6.8 6.8h.8a5.4 5.4 0 0 0 5.4-5.4V8.3a1.5 1.5 0 0 0-3 0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
};

export function ReactionIcon({ kind, size = 20 }: { kind: Reaction | 'hand'; size?: number }) {
  return (
    <svg
      className="vb-reaction-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      {drawings[kind]}
    </svg>
  );
}
