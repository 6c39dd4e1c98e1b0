export * from './richText.js';
export * from './meetingSummary.js';
export * from './summaryLabels.js';
export * from './summaryMarkdown.js';
