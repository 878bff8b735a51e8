/**
 * Faults for integrators (latency, error rate) and named defects that turn the simulator into a
 * known-bad provider: the negative controls every suite must catch.
 */
/** Defect names, in words of either API: "use" is a Zupy validate and a B2S PATCH (mark as used). */
export const DEFECTS = {
  'racy-use': 'validate (Zupy) and PATCH (B2S) read, yield to the event loop, then write: concurrent calls double-spend',
  'no-expiry-check': 'expired coupons validate (Zupy) / PATCH (B2S) as if still valid',
  'use-ignores-owner':
    "the caller reaches coupons that are not its own: Zupy validate whatever customer id is in the path; B2S PATCH and the client lookup ignore the token's company scope",
  'reuse-succeeds': 'a fully used coupon validates again with 200 (Zupy) / PATCHes again with 204 (B2S), changing nothing',
  'lenient-auth': 'any non-empty API key / Bearer token is accepted as the demo read-write credential',
} as const;

/** Earlier, Zupy-worded names, still accepted wherever a defect is named (CLI, control API, options). */
export const DEFECT_ALIASES = {
  'racy-validate': 'racy-use',
  'validate-ignores-customer': 'use-ignores-owner',
  'reuse-returns-200': 'reuse-succeeds',
} as const satisfies Record<string, keyof typeof DEFECTS>;

/** A defect as the simulator knows it. */
export type Defect = keyof typeof DEFECTS;
/** A name that turns a defect on: the defect's own or an alias. */
export type DefectName = Defect | keyof typeof DEFECT_ALIASES;

export function isDefectName(value: string): value is DefectName {
  return Object.hasOwn(DEFECTS, value) || Object.hasOwn(DEFECT_ALIASES, value);
}

/** The defect a name turns on. */
export function defectOf(name: DefectName): Defect {
  return Object.hasOwn(DEFECT_ALIASES, name) ? DEFECT_ALIASES[name as keyof typeof DEFECT_ALIASES] : (name as Defect);
}

export interface FaultConfig {
  /** Added to every API response (not to control calls), in milliseconds. */
  latencyMs: number;
  /** Share of API requests answered with the provider's 503, 0..1. */
  errorRate: number;
  /** Defects to turn on, by name or alias; read back as the defects' own names. */
  defects: DefectName[];
}

export const NO_FAULTS: FaultConfig = { latencyMs: 0, errorRate: 0, defects: [] };

export class Faults {
  #config: FaultConfig;
  #defects: Set<Defect>;

  constructor(initial: Partial<FaultConfig> = {}) {
    this.#config = { ...NO_FAULTS, ...initial };
    this.#defects = new Set(this.#config.defects.map(defectOf));
  }

  get config(): FaultConfig {
    return { ...this.#config, defects: [...this.#defects] };
  }

  has(defect: Defect): boolean {
    return this.#defects.has(defect);
  }

  update(patch: Partial<FaultConfig>): FaultConfig {
    if (patch.latencyMs !== undefined) this.#config.latencyMs = patch.latencyMs;
    if (patch.errorRate !== undefined) this.#config.errorRate = patch.errorRate;
    if (patch.defects !== undefined) this.#defects = new Set(patch.defects.map(defectOf));
    return this.config;
  }

  /** Decides, per request, whether to fail it (error-rate injection). */
  shouldFail(): boolean {
    return this.#config.errorRate > 0 && Math.random() < this.#config.errorRate;
  }
}

/** Yields to the event loop: the gap a racy read-then-write leaves open. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
