/**
 * The fixture file of `coupon-kit check --fixtures FILE`, for a target without a control API
 * (a vendor sandbox). It names credentials and ids only; the live state (coupon status, uses left,
 * points, B2S used flags and expirations) is read through the provider's own API before every
 * sequence. Validated with AJV; every problem is one line naming the field.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ExpirationInstant } from '../model/b2s/model.ts';
import type { ApiName } from '../../specs/index.ts';

export interface ZupySandboxFixtures {
  api: 'zupy';
  /** Read-write key of the company under test; its integration must not require OTP. */
  api_key: string;
  /** A key of another company (read-only is enough). */
  other_api_key: string;
  /** Customers of the company under test whose coupons and points the run may use. */
  customer_ids: string[];
  /** Rewards the run may redeem (may be empty: then no redeem succeeds). */
  reward_ids: string[];
  /** A customer of the other key's company. */
  foreign_customer_id: string;
  /**
   * Optional, used by `coupon-kit verify`: a fixed OTP code the sandbox accepts, and the OTP
   * identifier (phone, e-mail or CPF) of listed customers, to open OTP sessions through the API.
   */
  otp?: { code: string; identifiers: Record<string, string> };
}

export interface B2sSandboxFixtures {
  api: 'b2s';
  /** Bearer token; every coupon it lists may be PATCHed. */
  token: string;
  /** A token scoped to one company, and that company's id (both or neither). */
  scoped_token?: string;
  scoped_company_id?: string;
  /** When a date-only expiration ends (decision B-6); default end_of_day_utc. */
  expiration_instant?: ExpirationInstant;
}

export type SandboxFixtures = ZupySandboxFixtures | B2sSandboxFixtures;

/** Values from the command line that replace the file's (so a secret need not be in the file). */
export interface FixtureOverrides {
  apiKey?: string;
  token?: string;
}

export class FixtureFileError extends Error {
  override name = 'FixtureFileError';
}

const ZUPY_KEY = { type: 'string', pattern: '^zupy_pk_[A-Za-z0-9]{32}$' };
const ZUPY_ID = { type: 'string', pattern: '^[0-9A-Za-z_]{1,64}$' };
const TOKEN = { type: 'string', pattern: '^\\S{8,}$' };

const schemas = {
  zupy: {
    type: 'object',
    additionalProperties: false,
    required: ['api', 'api_key', 'other_api_key', 'customer_ids', 'reward_ids', 'foreign_customer_id'],
    properties: {
      api: { const: 'zupy' },
      api_key: ZUPY_KEY,
      other_api_key: ZUPY_KEY,
      customer_ids: { type: 'array', minItems: 1, uniqueItems: true, items: ZUPY_ID },
      reward_ids: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[0-9A-Za-z]{27}$' } },
      foreign_customer_id: ZUPY_ID,
      otp: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'identifiers'],
        properties: {
          code: { type: 'string', pattern: '^\\d{6}$' },
          identifiers: { type: 'object', additionalProperties: { type: 'string', minLength: 3 } },
        },
      },
    },
  },
  b2s: {
    type: 'object',
    additionalProperties: false,
    required: ['api', 'token'],
    dependencies: { scoped_token: ['scoped_company_id'], scoped_company_id: ['scoped_token'] },
    properties: {
      api: { const: 'b2s' },
      token: TOKEN,
      scoped_token: TOKEN,
      scoped_company_id: { type: 'string', format: 'uuid' },
      expiration_instant: { enum: ['end_of_day_utc', 'start_of_day_utc'] },
    },
  },
} as const;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validators = { zupy: ajv.compile(schemas.zupy), b2s: ajv.compile(schemas.b2s) };

/** `/customer_ids/0` → `customer_ids[0]`. */
const fieldName = (path: string) =>
  path
    .slice(1)
    .split('/')
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i ? '.' : ''}${p}`))
    .join('');

function describe(e: ErrorObject, overrides: Record<string, string>): string {
  const p = e.params as Record<string, unknown>;
  const field = fieldName(e.instancePath);
  const from = (name: string) => (overrides[name] ? ` (given with ${overrides[name]})` : '');
  switch (e.keyword) {
    case 'required':
      return `missing field '${String(p.missingProperty)}'${p.missingProperty === 'api_key' ? ' (give it in the file or with --api-key)' : p.missingProperty === 'token' ? ' (give it in the file or with --token)' : ''}`;
    case 'additionalProperties':
      return `unknown field '${String(p.additionalProperty)}'`;
    case 'dependencies':
      return `field '${String(p.property)}' needs field '${String(p.missingProperty)}' too`;
    case 'const':
      return `field '${field}' must be ${JSON.stringify(p.allowedValue)}`;
    case 'enum':
      return `field '${field}' must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `field '${field}'${from(field)} must match ${String(p.pattern)}`;
    default:
      return `field '${field}'${from(field)} ${e.message ?? 'is invalid'}`;
  }
}

/** The problems of a parsed fixture file for `api`, one line each (empty when it fits). */
export function checkFixtureFile(input: unknown, api: ApiName, overrides: Record<string, string> = {}): string[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return ['the file must hold a JSON object'];
  const declared = (input as { api?: unknown }).api;
  if (declared !== undefined && declared !== api && (declared === 'zupy' || declared === 'b2s'))
    return [`this is a ${declared} fixture file, but the run is --api ${api}`];
  const validate = validators[api];
  if (validate(input)) return [];
  return [...new Set((validate.errors ?? []).map((e) => describe(e, overrides)))].slice(0, 20);
}

/** Reads, overrides and validates a fixture file; a FixtureFileError lists each problem on a line of its own. */
export function loadFixtureFile(file: string, api: 'zupy', overrides?: FixtureOverrides): ZupySandboxFixtures;
export function loadFixtureFile(file: string, api: 'b2s', overrides?: FixtureOverrides): B2sSandboxFixtures;
export function loadFixtureFile(file: string, api: ApiName, overrides?: FixtureOverrides): SandboxFixtures;
export function loadFixtureFile(file: string, api: ApiName, overrides: FixtureOverrides = {}): SandboxFixtures {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FixtureFileError(`fixture file ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    throw new FixtureFileError(`fixture file ${file}: not valid JSON (${(err as Error).message})`);
  }
  const given: Record<string, string> = {};
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const obj = { ...(input as Record<string, unknown>) };
    if (api === 'zupy' && overrides.apiKey !== undefined) {
      obj.api_key = overrides.apiKey;
      given.api_key = '--api-key';
    }
    if (api === 'b2s' && overrides.token !== undefined) {
      obj.token = overrides.token;
      given.token = '--token';
    }
    input = obj;
  }
  const problems = checkFixtureFile(input, api, given);
  if (problems.length) throw new FixtureFileError(problems.map((p) => `fixture file ${file}: ${p}`).join('\n'));
  return input as SandboxFixtures;
}
