import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../shared/operation';

/**
 * What "Check Before Submitting" (and Check First) says about one invoice: the problems Chorus Pro or the buyer
 * would reject it for, the checks that could not be made and why, and each check's outcome. A check that could
 * not be made is never counted as passed.
 */

/** The checks, in the order they run and appear in `checks`. */
export const CHECKS = [
	'input',
	'recipient',
	'serviceCode',
	'engagementNumber',
	'invoiceNumber',
	'totals',
	'currency',
	'billingFramework',
	'bankDetails',
	// The PDF of a PDF invoice, the lines of a keyed-in one.
	'document',
] as const;
export type CheckName = (typeof CHECKS)[number];

export type CheckOutcome = 'passed' | 'failed' | 'notChecked' | 'notApplicable';

export interface Problem extends IDataObject {
	/** The parameter's label, as the user sees it in n8n. */
	field: string;
	/** The parameter's name (and the body key Chorus Pro knows it by, in the description). */
	parameter: string;
	/** A code of ours, stable for workflows to branch on (e.g. SERVICE_CODE_REQUIRED). */
	code: string;
	message: string;
	/** What to do about it. */
	action: string;
}

export interface NotChecked extends IDataObject {
	check: CheckName;
	field: string;
	parameter: string;
	reason: string;
}

const RANK: Record<CheckOutcome, number> = { notApplicable: 0, passed: 1, notChecked: 2, failed: 3 };

export class CheckReport {
	readonly problems: Problem[] = [];
	readonly notChecked: NotChecked[] = [];
	private readonly outcomes = new Map<CheckName, CheckOutcome>();

	constructor(private readonly fields: readonly Field[]) {}

	/** The label of a parameter, from the operation's own fields (one source for labels). */
	label(parameter: string): string {
		return this.fields.find((f) => f.name === parameter)?.label ?? parameter;
	}

	/** An outcome never improves: failed beats not checked, which beats passed. */
	private record(check: CheckName, outcome: CheckOutcome): void {
		const current = this.outcomes.get(check);
		if (!current || RANK[outcome] > RANK[current]) this.outcomes.set(check, outcome);
	}

	pass(check: CheckName): void {
		this.record(check, 'passed');
	}

	notApplicable(check: CheckName): void {
		this.record(check, 'notApplicable');
	}

	fail(check: CheckName, { parameter, code, message, action }: Pick<Problem, 'parameter' | 'code' | 'message' | 'action'>): void {
		this.problems.push({ field: this.label(parameter), parameter, code, message, action });
		this.record(check, 'failed');
	}

	cannotCheck(check: CheckName, parameter: string, reason: string): void {
		this.notChecked.push({ check, field: this.label(parameter), parameter, reason });
		this.record(check, 'notChecked');
	}

	outcome(check: CheckName): CheckOutcome | undefined {
		return this.outcomes.get(check);
	}

	/**
	 * The output: `ok` only when no problem was found and every check was made; `problems` and `notChecked`
	 * say what to fix and what was not verified.
	 */
	toJson(): IDataObject {
		return {
			ok: this.problems.length === 0 && this.notChecked.length === 0,
			problems: this.problems,
			notChecked: this.notChecked,
			checks: Object.fromEntries(CHECKS.map((check) => [check, this.outcomes.get(check) ?? 'notApplicable'])),
		};
	}
}
