/**
 * What a suite's `beforeAll` makes (a simulator, a credential, an n8n instance) exists only once it ran, while
 * the test file names it at load time: this stands for the current one (reads, writes and method calls go to it).
 */
export function current<T extends object>(what: string, get: () => T | undefined): T {
	const target = (): T => {
		const value = get();
		if (value === undefined) throw new Error(`${what} is used before the suite's beforeAll started it`);
		return value;
	};
	return new Proxy({} as T, {
		get: (_, key) => {
			const value = Reflect.get(target(), key) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target()) : value;
		},
		set: (_, key, value) => Reflect.set(target(), key, value),
		has: (_, key) => Reflect.has(target(), key),
		ownKeys: () => Reflect.ownKeys(target()),
		getOwnPropertyDescriptor: (_, key) => {
			const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
			return descriptor && { ...descriptor, configurable: true };
		},
		getPrototypeOf: () => Reflect.getPrototypeOf(target()),
	});
}
