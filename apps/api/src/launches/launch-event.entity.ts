import type { LaunchEventType, Stage, Team } from '#workflow';

/** A row of launch_event, append-only: a database trigger refuses UPDATE and DELETE. */
export interface LaunchEventEntity {
  id: string;
  launchId: string;
  sequence: number;
  type: LaunchEventType;
  stage: Stage;
  team: Team | null;
  actorId: string | null;
  at: Date;
  data: object;
  prevHash: string | null;
  hash: string;
}
