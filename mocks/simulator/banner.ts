/** Pieces shared by the providers' start banners (what is served, and how to reach it). */

/** How the control API is exposed, for the banner's first line. */
export type ControlExposure = 'loopback' | 'token' | 'off';

export interface BannerOptions {
  control?: ControlExposure;
}

/** ` (control API: …; console: …)`, or that it is off. */
export function controlNote(baseUrl: string, control: ControlExposure = 'loopback'): string {
  if (control === 'off') return '  (control API off)';
  return `  (control API: ${baseUrl}/__control/fixtures${control === 'token' ? ', X-Control-Token required' : ''}; console: ${baseUrl}/__control/ui/)`;
}

/** At most `max` items, then "… and N more". */
export function firstOf<T>(items: readonly T[], max: number, show: (item: T) => string): string[] {
  const lines = items.slice(0, max).map(show);
  if (items.length > max) lines.push(`… and ${items.length - max} more`);
  return lines;
}
