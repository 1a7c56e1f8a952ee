import type { Messages } from "../Messages.ts";

/** Страница собственной учётной записи. Keys match account.en.ts. */
export const accountRu: Messages["account"] = {
  title: "Моя учётная запись",
  open: "Моя учётная запись",
  profile: "Профиль",
  login: "Логин",
  fullName: "ФИО",
  roles: "Роли",
  email: "Электронная почта",
  noEmail: "Адрес не указан: попросите администратора добавить его.",
  lastLogin: "Последний вход",
  notifications: "Уведомления",
  emailNotifications: "Присылать служебные уведомления на электронную почту",
  emailNotificationsHint: "Эскалации обращений и напоминания о пересмотре статей базы знаний для моих ролей; в системе они остаются в любом случае.",
  emailNotificationsNeedAddress: "Для писем нужен адрес в учётной записи.",
  saved: "Сохранено.",
  password: "Пароль",
  passwordHint: "После смены вы остаётесь в системе здесь; другие ваши сеансы завершатся.",
  currentPassword: "Текущий пароль",
  newPassword: "Новый пароль",
  newPasswordHint: "Не менее 10 символов; фразу из нескольких слов легко запомнить и трудно подобрать.",
  repeatPassword: "Новый пароль ещё раз",
  mismatch: "Новые пароли не совпадают.",
  tooShort: "Не менее 10 символов.",
  change: "Сменить пароль",
  changed: "Пароль изменён. Другие ваши сеансы завершены.",
};
