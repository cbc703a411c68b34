import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { firstAdminGuidance, startPlan } from './demo-setting.ts';
import { DEMO_PASSWORD } from './demo.data.ts';

describe('when a start creates the demo', () => {
  it('never creates it in production unless asked for by name', () => {
    expect(startPlan('auto', { production: true, empty: true })).toEqual({
      seedDemo: false,
      guideFirstAdmin: true,
    });
    expect(startPlan('yes', { production: true, empty: true }).seedDemo).toBe(true);
    expect(startPlan('yes', { production: true, empty: false }).seedDemo).toBe(true);
  });

  it('creates it on an empty database outside production, by default', () => {
    expect(startPlan('auto', { production: false, empty: true })).toEqual({
      seedDemo: true,
      guideFirstAdmin: false,
    });
    expect(startPlan('auto', { production: false, empty: false }).seedDemo).toBe(false);
    expect(startPlan('no', { production: false, empty: true })).toEqual({
      seedDemo: false,
      guideFirstAdmin: true,
    });
  });

  it('reads LIGHED_DEMO=true/false as yes/no, and refuses anything else', () => {
    const secret = { NODE_ENV: 'production', LIGHED_COOKIE_SECRET: 's'.repeat(32) };
    expect(loadConfig({ ...secret }).demo).toBe('auto');
    expect(loadConfig({ ...secret, LIGHED_DEMO: 'yes' }).demo).toBe('yes');
    expect(loadConfig({ ...secret, LIGHED_DEMO: 'true' }).demo).toBe('yes');
    expect(loadConfig({ ...secret, LIGHED_DEMO: 'false' }).demo).toBe('no');
    expect(() => loadConfig({ ...secret, LIGHED_DEMO: 'maybe' })).toThrow(/LIGHED_DEMO/);
  });

  it('guides the operator to `lighed admin create` without any password', () => {
    const text = firstAdminGuidance('0265', 24).join('\n');
    expect(text).toContain('lighed admin create --kommune 0265');
    expect(text).toContain('--email');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toMatch(/password:/i);
  });
});
