import type { Request } from 'express';
import type { Viewer } from '../auth/viewer.js';
import type { Loaders } from './loaders.js';

export interface RequestContext {
  req: Request;
  viewer: Viewer;
  loaders: Loaders;
}
