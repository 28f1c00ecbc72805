import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Decision, SignOffStatus, Stage, Team } from '#workflow';

@Entity({ name: 'sign_off' })
@Index('sign_off_launch', ['launchId', 'stage', 'team'])
export class SignOffEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'launch_id', type: 'uuid' }) launchId!: string;
  @Column({ type: 'text' }) stage!: Stage;
  @Column({ type: 'text' }) team!: Team;
  @Column({ type: 'text' }) decision!: Decision;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'signed_by_id', type: 'uuid' }) signedById!: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt!: Date;
  @Column({ type: 'text' }) status!: SignOffStatus;
  @Column({ type: 'boolean', default: false }) override!: boolean;
}
