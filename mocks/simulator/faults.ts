/**
 * Faults for integrators (latency, error rate) and named defects that turn the simulator into a
 * known-bad provider: the negative controls every suite must catch.
 */
export const DEFECTS = {
  'racy-validate': 'validate (Zupy) and PATCH (B2S) read, yield to the event loop, then write: concurrent calls double-spend',
  'no-expiry-check': 'expired coupons validate (Zupy) / PATCH (B2S) as if still valid',
  'validate-ignores-customer': "Zupy validate reaches the coupon whatever customer id is in the path (B2S: ignores the token's company scope on PATCH)",
  'reuse-returns-200': 'a fully used coupon validates again with 200 (Zupy) / PATCHes again with 204 (B2S), changing nothing',
  'lenient-auth': 'any non-empty API key / Bearer token is accepted as the demo read-write credential',
} as const;

export type DefectName = keyof typeof DEFECTS;

export function isDefectName(value: string): value is DefectName {
  return Object.hasOwn(DEFECTS, value);
}

export interface FaultConfig {
  /** Added to every API response (not to control calls), in milliseconds. */
  latencyMs: number;
  /** Share of API requests answered with the provider's 503, 0..1. */
  errorRate: number;
  defects: DefectName[];
}

export const NO_FAULTS: FaultConfig = { latencyMs: 0, errorRate: 0, defects: [] };

export class Faults {
  #config: FaultConfig;
  #defects: Set<DefectName>;

  constructor(initial: Partial<FaultConfig> = {}) {
    this.#config = { ...NO_FAULTS, ...initial };
    this.#defects = new Set(this.#config.defects);
  }

  get config(): FaultConfig {
    return { ...this.#config, defects: [...this.#defects] };
  }

  has(defect: DefectName): boolean {
    return this.#defects.has(defect);
  }

  update(patch: Partial<FaultConfig>): FaultConfig {
    if (patch.latencyMs !== undefined) this.#config.latencyMs = patch.latencyMs;
    if (patch.errorRate !== undefined) this.#config.errorRate = patch.errorRate;
    if (patch.defects !== undefined) this.#defects = new Set(patch.defects);
    return this.config;
  }

  /** Decides, per request, whether to fail it (error-rate injection). */
  shouldFail(): boolean {
    return this.#config.errorRate > 0 && Math.random() < this.#config.errorRate;
  }
}

/** Yields to the event loop: the gap a racy read-then-write leaves open. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
