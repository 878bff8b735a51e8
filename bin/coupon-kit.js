#!/usr/bin/env node
// The `coupon-kit` command. The sources are TypeScript; tsx loads them without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
