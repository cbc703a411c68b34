/**
 * Letters to Digital Post (decision 0020, docs/digital-post.md). The national service (NgDP)
 * cannot be reached from here, so the kernel holds only the seam: an adapter that sends one
 * letter to a CPR number, and a development adapter that writes the letter to a file. The CPR
 * number is looked up at send time by a resolver the composition passes in (the kernel imports
 * no domain; people/ owns CPR) and is never stored in the outbox nor written to a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelError } from './channels.ts';
import type { OutboxMessage } from './outbox.store.ts';

export interface DigitalPostLetter {
  recipient: { citizenId: string; cpr: string };
  title: string;
  text: string;
  /** The outbox id: the same on every attempt, so the service can refuse a repeat. */
  messageId: string;
}

/**
 * One implementation per way of reaching Digital Post. `send` resolves when the service has
 * accepted the letter (its id as `providerRef`), and throws ChannelError otherwise: permanent
 * when the letter is refused for good (the citizen is exempt, the letter is invalid).
 */
export interface DigitalPostAdapter {
  readonly kind: string;
  send(letter: DigitalPostLetter): Promise<{ providerRef?: string }>;
}

/** The citizen's CPR number for a letter, or null when there is none (erased, unknown). */
export type CprResolver = (kommune: string, citizenId: string) => Promise<string | null>;

/** The sender's view of the channel. */
export interface DigitalPostChannel {
  readonly kind: 'adapter' | 'none';
  send(m: OutboxMessage): Promise<{ providerRef?: string }>;
  close(): void;
}

export function digitalPostChannel(
  adapter: DigitalPostAdapter | undefined,
  resolveCpr: CprResolver | undefined,
): DigitalPostChannel {
  // Without both, letters wait in the queue: nothing is lost until the composition has them.
  if (!adapter || !resolveCpr) return noDigitalPost;
  return {
    kind: 'adapter',
    async send(m) {
      const cpr = await resolveCpr(m.kommune, m.to);
      if (!cpr) throw new ChannelError('DP NO_CPR', true);
      return adapter.send({
        recipient: { citizenId: m.to, cpr },
        title: m.subject,
        text: m.text,
        messageId: m.id,
      });
    },
    close: () => undefined,
  };
}

export const noDigitalPost: DigitalPostChannel = {
  kind: 'none',
  send: () => Promise.reject(new ChannelError('NO_TRANSPORT', false)),
  close: () => undefined,
};

/**
 * Development: each letter as `<dir>/<messageId>.txt`, naming the citizen by id, never by CPR
 * (the file may be opened, copied and left behind on a developer's machine).
 */
export function fileDigitalPost(dir: string): DigitalPostAdapter {
  return {
    kind: 'files',
    send(letter) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const text =
        `Digital Post (development copy; not sent)\n` +
        `Citizen: ${letter.recipient.citizenId}\n` +
        `Message: ${letter.messageId}\n` +
        `Title: ${letter.title}\n\n${letter.text}\n`;
      writeFileSync(join(dir, `${letter.messageId}.txt`), text, { mode: 0o600 });
      return Promise.resolve({});
    },
  };
}
