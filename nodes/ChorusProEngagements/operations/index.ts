import type { Operation, Resource } from '../../shared/operation';
import { commitmentAttachmentOperations, commitmentAttachmentResource } from './commitmentAttachment';
import { commitmentOperations, commitmentResource } from './commitment';
import { healthOperations, healthResource } from './health';

export const engagementsResources: Resource[] = [commitmentResource, commitmentAttachmentResource, healthResource];

/** Every operation of the node: the coverage test lists them. */
export const engagementsOperations: Operation[] = [...commitmentOperations, ...commitmentAttachmentOperations, ...healthOperations];
