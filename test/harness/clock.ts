/**
 * Fakes only `Date` (jest modern timers), from `now`: the trigger reads the time, while sockets, n8n-core's
 * timers and the simulator keep running on real time. Tests move the clock with `jest.setSystemTime`.
 */
export function fakeDateOnly(now: number): void {
	jest.useFakeTimers({
		doNotFake: [
			'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
			'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval',
			'clearInterval', 'setTimeout', 'clearTimeout',
		],
		now,
	});
}
