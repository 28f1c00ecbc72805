import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LaunchEventType, Stage, Team } from '#workflow';

/** Append-only: a database trigger refuses UPDATE and DELETE. */
@Entity({ name: 'launch_event' })
@Index('launch_event_sequence', ['launchId', 'sequence'], { unique: true })
export class LaunchEventEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'launch_id', type: 'uuid' }) launchId!: string;
  @Column({ type: 'int' }) sequence!: number;
  @Column({ type: 'text' }) type!: LaunchEventType;
  @Column({ type: 'text' }) stage!: Stage;
  @Column({ type: 'text', nullable: true }) team!: Team | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'jsonb' }) data!: object;
  @Column({ name: 'prev_hash', type: 'text', nullable: true }) prevHash!: string | null;
  @Column({ type: 'text' }) hash!: string;
}
