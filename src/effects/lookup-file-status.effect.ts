import { CssFileStatusSource } from '../adapters/css/css-file-status-source.js';
import type { FileStatus } from '../domain/file-status.js';
import { defineEffect } from './effect-definition.js';

/** The status of a pension file, by registration number (`CSS_API_FILE_STATUS_PATH`). A read: repeatable. */
export const lookupFileStatus = defineEffect({
  name: 'lookupFileStatus',
  api: 'css',
  repeatable: true,
  create: ({ http, config }) => {
    const files = new CssFileStatusSource({ http: http.css, path: config.cssApiFileStatusPath, timeoutMs: config.cssApiTimeoutMs });
    return (input: { registrationNumber: string }, { signal }): Promise<FileStatus> => files.status(input.registrationNumber, { signal });
  },
});
