// Replaced by the real command line (run, validate, compare, export, size).
int main() { return 0; }
