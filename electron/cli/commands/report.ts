export async function reportMain(argv: string[]): Promise<number> {
  void argv;
  return 2;
}
