import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Stage } from '#workflow';

/**
 * The launch row: the workflow snapshot (the state every rule is evaluated on) plus the
 * columns that lists filter and sort by. Written only together with the events that
 * explain it, in one transaction.
 */
@Entity({ name: 'launch' })
@Index('launch_updated_keyset', ['updatedAt', 'id'])
export class LaunchEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) key!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) stage!: Stage;
  @Column({ type: 'boolean', default: false }) blocked!: boolean;
  @Column({ name: 'coordinator_id', type: 'uuid' }) coordinatorId!: string;
  @Column({ name: 'target_ga_date', type: 'timestamptz', nullable: true })
  targetGaDate!: Date | null;
  @Column({ name: 'support_lead_days', type: 'int' }) supportLeadDays!: number;
  @Column({ name: 'block_response_hours', type: 'double precision' }) blockResponseHours!: number;
  @Column({ name: 'early_access_granted_at', type: 'timestamptz', nullable: true })
  earlyAccessGrantedAt!: Date | null;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'machine_version', type: 'int' }) machineVersion!: number;
  @Column({ type: 'jsonb' }) snapshot!: object;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
