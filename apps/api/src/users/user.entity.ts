import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role, Team } from '#workflow';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true }) email!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) teams!: Team[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
