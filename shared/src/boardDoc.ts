// Layout of the `meeting/<id>/board` Yjs document.
//
//   doc.getArray('records')  YKeyValue entries: tldraw record id → record JSON
//   doc.getMap('meta')       schemaVersion (Vermeboard's own), tldrawSchema (serialised tldraw schema)
//
// The records live in a YKeyValue (an array of {key, val}) rather than a Y.Map because a Y.Map keeps
// every overwritten value's item forever; dragging a shape for a minute writes it hundreds of times.
export const BOARD_RECORDS = 'records';
export const BOARD_META = 'meta';
export const META_SCHEMA_VERSION = 'schemaVersion';
export const META_TLDRAW_SCHEMA = 'tldrawSchema';

/**
 * Vermeboard's own document schema version. Bump it when the layout above changes and add a
 * migration in the client; a client that finds a larger number than it knows refuses to edit.
 */
export const BOARD_SCHEMA_VERSION = 1;
