// Removed as soon as the results library has its first real source file.
