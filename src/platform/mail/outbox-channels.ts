/**
 * The channels the configuration asks for, in one place for the server, the job and the CLI:
 * e-mail (LIGHED_SMTP_URL), SMS (LIGHED_SMS_URL) and Digital Post (the adapter and CPR resolver
 * the composition passes in; outside production the development adapter writes files).
 */
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import {
  digitalPostChannel,
  fileDigitalPost,
  type CprResolver,
  type DigitalPostAdapter,
} from './digital-post.ts';
import { smsTransportFor, type SmsTransport } from './sms.ts';
import { transportFor, type MailTransport } from './transport.ts';
import type { DigitalPostChannel } from './digital-post.ts';

/** Every channel, each possibly of kind 'none' (then its messages stay queued). */
export interface ConfiguredChannels {
  email: MailTransport;
  sms: SmsTransport;
  digitalPost: DigitalPostChannel;
}

export interface ChannelOptions {
  /** people/'s lookup of a citizen's CPR number (the kernel imports no domain). */
  resolveCpr?: CprResolver | undefined;
  /** The real Digital Post adapter; unset: files outside production, queued in production. */
  digitalPost?: DigitalPostAdapter | undefined;
}

export function channelsFor(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir' | 'production' | 'sms'>,
  opts: ChannelOptions = {},
): ConfiguredChannels {
  const adapter =
    opts.digitalPost ??
    (config.production
      ? undefined
      : fileDigitalPost(join(resolve(config.dataDir), 'digital-post')));
  return {
    email: transportFor(config),
    sms: smsTransportFor(config),
    digitalPost: digitalPostChannel(adapter, opts.resolveCpr),
  };
}
