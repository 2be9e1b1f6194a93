import type { INodeType } from 'n8n-workflow';

import { ChorusProAnnuaire } from '../../nodes/ChorusProAnnuaire/ChorusProAnnuaire.node';
import { annuaireOperations } from '../../nodes/ChorusProAnnuaire/operations';
import { ChorusProEngagements } from '../../nodes/ChorusProEngagements/ChorusProEngagements.node';
import { engagementsOperations } from '../../nodes/ChorusProEngagements/operations';
import { ChorusProEReporting } from '../../nodes/ChorusProEReporting/ChorusProEReporting.node';
import { eReportingOperations } from '../../nodes/ChorusProEReporting/operations';
import { ChorusProESignature } from '../../nodes/ChorusProESignature/ChorusProESignature.node';
import { eSignatureOperations } from '../../nodes/ChorusProESignature/operations';
import { ChorusProFactures } from '../../nodes/ChorusProFactures/ChorusProFactures.node';
import { facturesOperations } from '../../nodes/ChorusProFactures/operations';
import { ChorusProTransverse } from '../../nodes/ChorusProTransverse/ChorusProTransverse.node';
import { transverseOperations } from '../../nodes/ChorusProTransverse/operations';
import { ChorusProTravaux } from '../../nodes/ChorusProTravaux/ChorusProTravaux.node';
import { travauxOperations } from '../../nodes/ChorusProTravaux/operations';
import type { Operation } from '../../nodes/shared/operation';

/**
 * Every action node with its operations, by n8n node name: the evidence test, the README conformance table and the
 * replay runner read this one list. A test checks it against the nodes package.json declares.
 */
export const ACTION_NODES: Record<string, { type: () => INodeType; operations: Operation[] }> = {
	chorusProFactures: { type: () => new ChorusProFactures(), operations: facturesOperations },
	chorusProTravaux: { type: () => new ChorusProTravaux(), operations: travauxOperations },
	chorusProTransverse: { type: () => new ChorusProTransverse(), operations: transverseOperations },
	chorusProEngagements: { type: () => new ChorusProEngagements(), operations: engagementsOperations },
	chorusProAnnuaire: { type: () => new ChorusProAnnuaire(), operations: annuaireOperations },
	chorusProEReporting: { type: () => new ChorusProEReporting(), operations: eReportingOperations },
	chorusProESignature: { type: () => new ChorusProESignature(), operations: eSignatureOperations },
};

export function findOperation(node: string, resource: string, operation: string): Operation | undefined {
	return ACTION_NODES[node]?.operations.find((op) => op.resource === resource && op.operation === operation);
}
