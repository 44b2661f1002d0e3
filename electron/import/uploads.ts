import crypto from 'node:crypto';
import { AppError } from '../platform/app-error.js';

/** An uploaded file held in shared memory, so a job worker can read it without a copy or a temp file. */
export interface Upload {
  id: string;
  name: string;
  bytes: SharedArrayBuffer;
  size: number;
  createdAt: number;
}

const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
const TTL_MS = 4 * 60 * 60 * 1000;

/**
 * Files the browser-mode renderer sends for import. Kept in memory only: bank data is never written to a
 * temporary file. Old uploads expire; the total is capped.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  put(name: string, data: Uint8Array, now = Date.now()): Upload {
    this.expire(now);
    if (data.byteLength > MAX_FILE_BYTES) {
      throw new AppError('INVALID_INPUT', {
        zh: `文件 ${name} 超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请用命令行导入`,
        en: `File ${name} exceeds ${MAX_FILE_BYTES / 1024 / 1024} MB; import it from the command line`,
      });
    }
    while (this.total() + data.byteLength > MAX_TOTAL_BYTES && this.uploads.size > 0) {
      const oldest = [...this.uploads.values()].sort((a, b) => a.createdAt - b.createdAt)[0];
      if (oldest !== undefined) this.uploads.delete(oldest.id);
    }
    const bytes = new SharedArrayBuffer(data.byteLength);
    new Uint8Array(bytes).set(data);
    const upload: Upload = { id: crypto.randomUUID(), name: name.slice(0, 255), bytes, size: data.byteLength, createdAt: now };
    this.uploads.set(upload.id, upload);
    return upload;
  }

  get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (upload === undefined) {
      throw new AppError('NOT_FOUND', { zh: '上传的文件已过期，请重新选择文件', en: 'The uploaded file has expired; choose the file again' });
    }
    return upload;
  }

  private total(): number {
    let n = 0;
    for (const u of this.uploads.values()) n += u.size;
    return n;
  }

  private expire(now: number): void {
    for (const [id, u] of this.uploads) if (now - u.createdAt > TTL_MS) this.uploads.delete(id);
  }
}
