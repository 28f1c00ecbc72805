import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ItemStatus, Stage, Team } from '#workflow';

@Entity({ name: 'checklist_item' })
@Index('checklist_item_launch', ['launchId', 'position'])
export class ChecklistItemEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'launch_id', type: 'uuid' }) launchId!: string;
  @Column({ type: 'text' }) stage!: Stage;
  @Column({ type: 'text' }) team!: Team;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'boolean' }) required!: boolean;
  @Column({ type: 'text' }) status!: ItemStatus;
  @Column({ name: 'evidence_url', type: 'text', nullable: true }) evidenceUrl!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'completed_by_id', type: 'uuid', nullable: true }) completedById!: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ type: 'int' }) position!: number;
}
