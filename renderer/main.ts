// Entry point of the renderer (desktop window and web build alike).
import './styles.css';
import { App } from './app.ts';

void new App().start();
