import type { Request } from 'express';
import type { Loaders } from './user.loader.js';
import type { Viewer } from './viewer.js';

/** What every resolver sees of its request, whichever transport carried it. */
export interface RequestContext {
  req?: Request;
  viewer: Viewer;
  loaders: Loaders;
}
