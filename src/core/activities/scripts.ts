/** The context of a talk-script (话术) for one member and one scene (§4.3, seed 003). Pure. */
import { commonContext, memberContext, type CommonInput, type Contact } from './activity-context.js';
import type { MemberProfile } from '../members/index.js';
import { SCENES, type Scene } from '../templating/index.js';

export function parseScene(raw: string): Scene | null {
  const s = raw.trim().toLowerCase();
  return (SCENES as readonly string[]).includes(s) ? (s as Scene) : null;
}

export function scriptContext(c: CommonInput, scene: Scene, p: MemberProfile, contact: Contact | undefined) {
  return {
    ...commonContext(c),
    scene: { code: scene, name: c.names.scene(scene) },
    member: memberContext(p, contact, c.names),
  };
}
