import { z } from 'zod';
import { FAQ_LIMITS, TOPICS, type Topic } from '../constants';
import type { RedactSpan } from '../redact';
import { text } from './common';

export const PUBLICATION_TARGETS = ['faq', 'list'] as const;
export type PublicationTarget = (typeof PUBLICATION_TARGETS)[number];

/**
 * What the editor publishes after reviewing the masked draft: the text as they confirmed it
 * (the server looks for phone and ID numbers in it again). `faq` makes a knowledge-base entry
 * (a draft unless `publish`), `list` puts it in 咨询公开.
 */
export const publicationInput = z
  .object({
    question: text(1000, '问题'),
    answer: text(FAQ_LIMITS.answer, '答复'),
    target: z.enum(PUBLICATION_TARGETS),
    confirmed: z.literal(true, { message: '请确认已核对并隐去个人信息' }),
    topic: z.enum(TOPICS).optional(),
    publish: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.target !== 'faq' || v.question.length <= FAQ_LIMITS.question, {
    message: `问答库的问题不能超过 ${FAQ_LIMITS.question} 字`,
    path: ['question'],
  });
export type PublicationInput = z.input<typeof publicationInput>;

/** The masked copy of an answered inquiry, for the editor to review: each text with what was found in it. */
export type PublicationDraft = {
  inquiryId: string;
  question: { text: string; spans: RedactSpan[] };
  answer: { text: string; spans: RedactSpan[] };
  topic: Topic | null;
  unitName: string | null;
  /** Where it has been published already. */
  publishedTo: { list: string | null; faq: string | null };
};

export type PublicationResult = { target: PublicationTarget; id: string };

export const publicationListQuery = z
  .object({
    topic: z.enum(TOPICS).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
  })
  .strict();
export const PUBLICATION_PAGE_SIZE = 20;

/** A published answer as everyone sees it: no ticket, no resident, no contact. */
export type PublicAnswer = {
  id: string;
  question: string;
  answer: string;
  topic: Topic | null;
  unitName: string | null;
  publishedDay: string;
};
export type PublicAnswerPage = { items: PublicAnswer[]; total: number; page: number; pageSize: number };
