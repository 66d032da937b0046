// Removed as soon as the model library has its first real source file.
