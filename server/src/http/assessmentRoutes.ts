// Competence areas and self-assessment. A participant's ratings go back only to that participant
// (GET …/assessments/mine, personal token); everyone else, the facilitator included, sees only the
// averages the facilitator released (assessmentSummary.ts). No route returns another person's answers.
import express, { type Router } from 'express';
import {
  assessmentBody,
  assessmentPhaseSchema,
  assessmentThresholdBody,
  competenceAreasBody,
  type AssessmentSummaryResponse,
  type CompetenceAreaId,
  type GroupId,
  type CompetenceAreasResponse,
  type OwnAssessment,
  type OwnAssessmentsResponse,
} from '@vermeboard/shared';
import { randomId } from '../auth/tokens.js';
import { releaseFigures, summarizeAssessments } from './assessmentSummary.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody, pathParam } from './requests.js';

export function assessmentRoutes({ storage, access }: RouteDeps): Router {
  const router = express.Router();

  router.get('/groups/:groupId/competence-areas', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    const response: CompetenceAreasResponse = { areas: await storage.listCompetenceAreas(groupId) };
    res.json(response);
  });

  router.put('/groups/:groupId/competence-areas', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'competenceAreas.edit');
    const body = competenceAreasBody.parse(req.body);
    const current = new Set((await storage.listCompetenceAreas(groupId)).map((a) => a.id));
    const seen = new Set<string>();
    const areas = body.areas.map((a, i) => {
      if (a.id !== undefined && (!current.has(a.id) || seen.has(a.id))) {
        throw new HttpError(400, `areas.${i}.id: not one of the group's competence areas`, `areas.${i}.id`);
      }
      const id = a.id ?? (randomId() as CompetenceAreaId);
      seen.add(id);
      return { id, name: a.name };
    });
    await storage.setCompetenceAreas(groupId, areas);
    const response: CompetenceAreasResponse = { areas: await storage.listCompetenceAreas(groupId) };
    res.json(response);
  });

  router.put('/groups/:groupId/assessments/mine/:phase', jsonBody, async (req, res) => {
    const caller = await access.person(req, 'assessment.answer');
    const phase = pathParam(assessmentPhaseSchema, req.params.phase, 'phase');
    const body = assessmentBody.parse(req.body);
    const areas = new Set((await storage.listCompetenceAreas(caller.groupId)).map((a) => a.id));
    body.ratings.forEach((r, i) => {
      if (!areas.has(r.areaId)) {
        throw new HttpError(400, `ratings.${i}.areaId: not one of the group's competence areas`, `ratings.${i}.areaId`);
      }
    });
    const answer: OwnAssessment = { phase, ratings: body.ratings, updatedAt: new Date().toISOString() };
    await storage.saveAssessment(caller.groupId, caller.participantId, answer);
    res.json(answer);
  });

  router.get('/groups/:groupId/assessments/mine', async (req, res) => {
    const caller = await access.person(req, 'assessment.answer');
    const response: OwnAssessmentsResponse = {
      assessments: await storage.listOwnAssessments(caller.participantId),
    };
    res.json(response);
  });

  async function summaryFor(groupId: GroupId, facilitator: boolean): Promise<AssessmentSummaryResponse> {
    const [releases, aggregate, areas, minRespondents, participants] = await Promise.all([
      storage.listAssessmentReleases(groupId),
      storage.assessmentAggregate(groupId),
      storage.listCompetenceAreas(groupId),
      storage.assessmentThreshold(groupId),
      facilitator ? storage.listParticipants(groupId) : Promise.resolve([]),
    ]);
    const canAnswer = facilitator
      ? participants.filter((p) => p.removedAt === null && p.role !== 'observer').length
      : null;
    return summarizeAssessments({ releases, aggregate, areas, minRespondents, canAnswer });
  }

  router.get('/groups/:groupId/assessments/summary', async (req, res) => {
    const { groupId, role } = await access.group(req, 'group.read');
    res.json(await summaryFor(groupId, role === 'facilitator'));
  });

  // Closing a phase releases its averages to the group, once; later answers never change them.
  router.post('/groups/:groupId/assessments/:phase/release', async (req, res) => {
    const { groupId } = await access.group(req, 'assessment.release');
    const phase = pathParam(assessmentPhaseSchema, req.params.phase, 'phase');
    const [aggregate, areas, minRespondents] = await Promise.all([
      storage.assessmentAggregate(groupId),
      storage.listCompetenceAreas(groupId),
      storage.assessmentThreshold(groupId),
    ]);
    const figures = releaseFigures(aggregate, areas, phase, minRespondents, new Date().toISOString());
    if (!figures) {
      throw new HttpError(409, `this phase needs at least ${minRespondents} answers before its averages can be shown`);
    }
    if (!(await storage.releaseAssessment(groupId, figures))) {
      throw new HttpError(409, 'this phase’s averages were released already');
    }
    res.json(await summaryFor(groupId, true));
  });

  router.put('/groups/:groupId/assessments/threshold', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'assessment.release');
    const { minRespondents } = assessmentThresholdBody.parse(req.body);
    await storage.setAssessmentThreshold(groupId, minRespondents);
    res.json(await summaryFor(groupId, true));
  });

  return router;
}
